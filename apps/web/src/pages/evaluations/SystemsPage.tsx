import { ImportOutlined } from "@ant-design/icons";
import { Button, Form, Input, Modal, Segmented, Table, Tag } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { api } from "../../api/client";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { rowTestId } from "../../utils/testid";
import { useDynamicText } from "./shared";
import { canEditSystems, type SystemRow } from "./types";

// Every version of every evaluation system; a row opens the editor (SystemEditorPage: drafts edited there,
// published versions read-only with "新建版本").

function ImportModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: (created: SystemRow) => void;
}) {
  const { t } = useDynamicText();
  const [format, setFormat] = useState<"json" | "yaml">("yaml");
  const [text, setText] = useState("");
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    try {
      const created = await api<SystemRow>("/api/v1/evaluation-systems", {
        method: "POST",
        body: { text, format },
      });
      setText("");
      setError(null);
      onDone(created);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={submit} title={t("evaluations.systems.import")} width={720}>
      <ErrorAlert error={error} />
      <Form layout="vertical">
        <Form.Item>
          <Segmented
            value={format}
            onChange={(v) => setFormat(v as "json" | "yaml")}
            options={[
              { value: "yaml", label: "YAML" },
              { value: "json", label: "JSON" },
            ]}
          />
        </Form.Item>
        <Form.Item label={t("evaluations.systems.importText")}>
          <Input.TextArea
            rows={16}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="system-import-text"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SystemsPage() {
  const { t, locale } = useDynamicText();
  const { user } = useAuth();
  const list = useApi<{ items: SystemRow[] }>("/api/v1/evaluation-systems");
  const navigate = useNavigate();
  const [importing, setImporting] = useState(false);
  const editor = !!user && canEditSystems(user.role);
  const open = (s: SystemRow) => navigate(`/console/evaluation-systems/${s.id}`);
  return (
    <PageContainer
      title={t("evaluations.systems.title")}
      subTitle={t("evaluations.systems.subtitle")}
      extra={
        editor ? (
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="system-import">
            {t("evaluations.systems.import")}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table
        data-testid="systems-table"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        onRow={rowTestId("system-row")}
        columns={[
          {
            title: t("evaluations.col.system"),
            render: (_, s) => (locale === "en-US" ? s.nameEn : s.nameZh),
          },
          { title: t("evaluations.col.version"), dataIndex: "version" },
          {
            title: t("evaluations.col.status"),
            dataIndex: "status",
            render: (st: string) => (
              <Tag color={st === "published" ? "green" : "blue"}>
                {t(`evaluations.systems.${st as "draft"}`)}
              </Tag>
            ),
          },
          {
            title: "",
            render: (_, s) => (
              <Button size="small" onClick={() => open(s)} data-testid="system-view">
                {t(editor && s.status === "draft" ? "evaluations.systems.edit" : "evaluations.systems.view")}
              </Button>
            ),
          },
        ]}
      />
      <ImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onDone={(created) => {
          setImporting(false);
          open(created);
        }}
      />
    </PageContainer>
  );
}

import { DownloadOutlined, ImportOutlined } from "@ant-design/icons";
import { App, Button, Drawer, Flex, Form, Input, Modal, Popconfirm, Segmented, Table, Tag } from "antd";
import { useState } from "react";
import { api, apiDownload } from "../../api/client";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { useDynamicText } from "./shared";
import { canEditSystems, type Indicator, type SystemDefinition, type SystemRow } from "./types";

interface SystemDetail extends SystemRow {
  definition: SystemDefinition;
  issues: { path: string; severity: string; message: string }[];
}

function SystemDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, loc } = useDynamicText();
  const { user } = useAuth();
  const { message } = App.useApp();
  const detail = useApi<SystemDetail>(id ? `/api/v1/evaluation-systems/${id}` : null);
  const [error, setError] = useState<unknown>(null);
  const s = detail.data;
  const publish = async () => {
    try {
      await api(`/api/v1/evaluation-systems/${id}/publish`, { method: "POST" });
      message.success(t("evaluations.assessment.saved"));
      detail.reload();
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={s ? `${loc(s.definition.name)} ${s.version}` : ""}
    >
      <ErrorAlert error={detail.error ?? error} />
      {s ? (
        <>
          <Flex gap={8} style={{ marginBottom: 16 }}>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                apiDownload(`/api/v1/evaluation-systems/${s.id}/export`, { format: "json" }, "system.json")
              }
              data-testid="system-export-json"
            >
              JSON
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                apiDownload(`/api/v1/evaluation-systems/${s.id}/export`, { format: "yaml" }, "system.yaml")
              }
              data-testid="system-export-yaml"
            >
              YAML
            </Button>
            {s.status === "draft" && user && canEditSystems(user.role) ? (
              <Popconfirm title={t("evaluations.systems.publishConfirm")} onConfirm={publish}>
                <Button type="primary" data-testid="system-publish">
                  {t("evaluations.systems.publish")}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
          <div style={{ marginBottom: 12 }}>
            {t("evaluations.systems.levels")}:{" "}
            {s.definition.rating.levels.map((l) => (
              <Tag key={l.id}>{loc(l.name)}</Tag>
            ))}
          </div>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={s.definition.sections}
            expandable={{
              defaultExpandAllRows: false,
              expandedRowRender: (section) => (
                <Table<Indicator>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={section.indicators}
                  columns={[
                    { title: t("evaluations.col.indicator"), render: (_, i) => loc(i.name) },
                    { title: t("evaluations.col.type"), dataIndex: "type" },
                    { title: t("evaluations.col.weight"), dataIndex: "weight" },
                    {
                      title: t("evaluations.col.flags"),
                      render: (_, i) => (
                        <>
                          {i.crucial ? <Tag color="orange">{t("evaluations.systems.crucial")}</Tag> : null}
                          {i.zeroTolerance ? (
                            <Tag color="red">{t("evaluations.assessment.zeroTolerance")}</Tag>
                          ) : null}
                        </>
                      ),
                    },
                  ]}
                />
              ),
            }}
            columns={[
              { title: t("evaluations.col.section"), render: (_, sec) => loc(sec.name) },
              { title: t("evaluations.col.weight"), dataIndex: "weight" },
              { title: t("evaluations.col.count"), render: (_, sec) => sec.indicators.length },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}

function ImportModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useDynamicText();
  const [format, setFormat] = useState<"json" | "yaml">("yaml");
  const [text, setText] = useState("");
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    try {
      await api("/api/v1/evaluation-systems", { method: "POST", body: { text, format } });
      setText("");
      setError(null);
      onDone();
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
  const [viewing, setViewing] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  return (
    <PageContainer
      title={t("evaluations.systems.title")}
      subTitle={t("evaluations.systems.subtitle")}
      extra={
        user && canEditSystems(user.role) ? (
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
              <Button size="small" onClick={() => setViewing(s.id)} data-testid="system-view">
                {t("evaluations.systems.view")}
              </Button>
            ),
          },
        ]}
      />
      <SystemDrawer id={viewing} onClose={() => setViewing(null)} onChanged={list.reload} />
      <ImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onDone={() => {
          setImporting(false);
          list.reload();
        }}
      />
    </PageContainer>
  );
}

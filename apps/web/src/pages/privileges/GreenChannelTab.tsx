import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Form, Input, Modal, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import { useApi } from "../../api/useApi";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/I18nProvider";
import { EMPTY, text } from "../../utils/format";
import { rowTestId, testId } from "../../utils/testid";
import { ReasonModal } from "./ReasonModal";
import type { GreenChannelCandidate, GreenChannelEntry } from "./types";
import { useLocalPaging } from "./useLocalPaging";

const BASE = "/api/v1/green-channel";

interface AddTarget {
  enterpriseId?: string;
  enterpriseName?: string;
}

/** 绿色通道: members (since, reason, class), candidates with their evidence, add and remove with a reason. */
export function GreenChannelTab({ canManage }: { canManage: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const members = useLocalPaging();
  const candidates = useLocalPaging(10);
  const list = useApi<Page<GreenChannelEntry>>(BASE, { page: members.page, pageSize: members.pageSize });
  const suggested = useApi<Page<GreenChannelCandidate>>(canManage ? `${BASE}/candidates` : null, {
    page: candidates.page,
    pageSize: candidates.pageSize,
  });
  const [adding, setAdding] = useState<AddTarget | null>(null);
  const [removing, setRemoving] = useState<GreenChannelEntry | null>(null);

  const reload = () => {
    list.reload();
    suggested.reload();
  };

  const classTag = (c: GreenChannelEntry["class"]) => <Tag color="blue">{t(`class.${c}`)}</Tag>;
  const enterpriseLink = (id: string, name: string) => <Link to={`/console/enterprises/${id}`}>{name}</Link>;

  const memberColumns: ColumnsType<GreenChannelEntry> = [
    {
      title: t("privileges.column.enterprise"),
      key: "enterprise",
      render: (_, e) => enterpriseLink(e.enterpriseId, e.enterpriseName),
    },
    { title: t("privileges.column.uscc"), dataIndex: "uscc" },
    { title: t("privileges.column.class"), dataIndex: "class", render: classTag },
    { title: t("privileges.green.since"), dataIndex: "since", render: text },
    { title: t("privileges.green.reason"), dataIndex: "reason", render: text },
    ...(canManage
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            render: (_: unknown, e: GreenChannelEntry) => (
              <Button
                type="link"
                size="small"
                danger
                onClick={() => setRemoving(e)}
                data-testid="green-channel-remove"
              >
                {t("privileges.green.remove")}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const candidateColumns: ColumnsType<GreenChannelCandidate> = [
    {
      title: t("privileges.column.enterprise"),
      key: "enterprise",
      render: (_, c) => enterpriseLink(c.enterpriseId, c.enterpriseName),
    },
    { title: t("privileges.column.class"), dataIndex: "class", render: classTag },
    { title: t("privileges.green.lots12"), dataIndex: "lots", align: "right" },
    {
      title: t("privileges.green.passRate12"),
      key: "passRate",
      align: "right",
      render: (_, c) =>
        c.passRate === null ? (
          <Typography.Text type="secondary">{t("privileges.evidence.notObserved")}</Typography.Text>
        ) : (
          `${c.passRate} % (${c.accepted}/${c.inspected})`
        ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_, c) => (
        <Button
          type="link"
          size="small"
          onClick={() => setAdding({ enterpriseId: c.enterpriseId, enterpriseName: c.enterpriseName })}
          data-testid="green-channel-candidate-add"
        >
          {t("privileges.green.add")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Card
        title={t("privileges.green.members")}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding({})}
              data-testid="green-channel-add"
            >
              {t("privileges.green.add")}
            </Button>
          ) : null
        }
        style={{ marginBottom: 16 }}
      >
        <Typography.Paragraph type="secondary">{t("privileges.green.intro")}</Typography.Paragraph>
        <Table<GreenChannelEntry>
          rowKey="enterpriseId"
          loading={list.loading}
          columns={memberColumns}
          dataSource={list.data?.items ?? []}
          pagination={members.pagination(list.data?.total)}
          onRow={rowTestId("green-channel-row")}
          locale={{ emptyText: t("privileges.green.empty") }}
          scroll={{ x: 800 }}
        />
      </Card>
      {canManage ? (
        <Card title={t("privileges.green.candidates")}>
          <Typography.Paragraph type="secondary">
            {t("privileges.green.candidatesIntro")}
          </Typography.Paragraph>
          <ErrorAlert error={suggested.error} onRetry={suggested.reload} />
          <Table<GreenChannelCandidate>
            rowKey="enterpriseId"
            loading={suggested.loading}
            columns={candidateColumns}
            dataSource={suggested.data?.items ?? []}
            pagination={candidates.pagination(suggested.data?.total)}
            onRow={rowTestId("green-channel-candidate-row")}
            locale={{ emptyText: t("privileges.green.noCandidates") }}
            scroll={{ x: 700 }}
          />
        </Card>
      ) : null}
      <AddModal
        target={adding}
        onClose={() => setAdding(null)}
        onAdded={(entry) => {
          setAdding(null);
          message.success(t("privileges.green.added", { name: entry.enterpriseName }));
          reload();
        }}
      />
      <ReasonModal
        open={removing !== null}
        title={t("privileges.green.removeTitle", { name: removing?.enterpriseName ?? EMPTY })}
        description={t("privileges.green.removeConfirm")}
        label={t("privileges.green.removeReason")}
        okText={t("privileges.green.remove")}
        danger
        testIdPrefix="green-channel-remove"
        onClose={() => setRemoving(null)}
        onSubmit={async (reason) => {
          if (!removing) return;
          await api(`${BASE}/${encodeURIComponent(removing.enterpriseId)}`, {
            method: "DELETE",
            body: { reason },
          });
          message.success(t("privileges.green.removed", { name: removing.enterpriseName }));
          setRemoving(null);
          reload();
        }}
      />
    </>
  );
}

interface AddValues {
  enterpriseId: string;
  reason: string;
}

/** Adds an enterprise (chosen here, or a candidate) with the reason; confirms what it is about to do. */
function AddModal({
  target,
  onClose,
  onAdded,
}: {
  target: AddTarget | null;
  onClose: () => void;
  onAdded: (entry: GreenChannelEntry) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<AddValues>();
  const { saving, error, setError, onFinish } = useFormSubmit(form, async (values: AddValues) => {
    const entry = await api<GreenChannelEntry>(`${BASE}/${encodeURIComponent(values.enterpriseId)}`, {
      method: "PUT",
      body: { reason: values.reason.trim() },
    });
    onAdded(entry);
  });

  return (
    <Modal
      open={target !== null}
      title={
        target?.enterpriseName
          ? t("privileges.green.addTitleFor", { name: target.enterpriseName })
          : t("privileges.green.addTitle")
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("privileges.green.addConfirm")}
      okButtonProps={testId("green-channel-add-confirm")}
      confirmLoading={saving}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      <ErrorAlert error={error} showFields={false} />
      <Form<AddValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={{ enterpriseId: target?.enterpriseId }}
      >
        <Form.Item
          name="enterpriseId"
          label={t("privileges.column.enterprise")}
          rules={[{ required: true, message: t("form.required") }]}
          hidden={Boolean(target?.enterpriseId)}
        >
          <EnterpriseSelect />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("privileges.green.reason")}
          rules={[{ required: true, whitespace: true, message: t("form.required") }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="green-channel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api/client";
import { useReference } from "../../api/reference";
import type { Page } from "../../api/types";
import { useApi } from "../../api/useApi";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/I18nProvider";
import { text } from "../../utils/format";
import { rowTestId, testId } from "../../utils/testid";
import { DEMONSTRATION_HONOUR_TYPES, type DemonstrationTitle } from "./types";
import { useLocalPaging } from "./useLocalPaging";

const BASE = "/api/v1/demonstration-enterprises";

/** 示范企业: holders of a demonstration title, and awarding one (admin, regulator). */
export function DemonstrationTab({ canAward }: { canAward: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const paging = useLocalPaging();
  const [honourType, setHonourType] = useState<string | undefined>();
  const [awarding, setAwarding] = useState(false);
  const honourTypes = useReference("honour-types");
  const typeOptions = DEMONSTRATION_HONOUR_TYPES.map((code) => ({
    value: code,
    label: honourTypes.labelOf(code) || code,
  }));
  const list = useApi<Page<DemonstrationTitle>>(BASE, {
    honourType,
    page: paging.page,
    pageSize: paging.pageSize,
  });

  const columns: ColumnsType<DemonstrationTitle> = [
    {
      title: t("privileges.column.enterprise"),
      key: "enterprise",
      render: (_, d) => <Link to={`/console/enterprises/${d.enterpriseId}`}>{d.enterpriseName}</Link>,
    },
    { title: t("privileges.demo.title"), dataIndex: "title" },
    { title: t("privileges.demo.issuer"), dataIndex: "issuer", render: text },
    { title: t("privileges.demo.recognisedOn"), dataIndex: "recognisedOn", render: text },
    { title: t("privileges.demo.documentNo"), dataIndex: "documentNo", render: text },
  ];

  return (
    <Card
      title={t("privileges.tab.demonstration")}
      extra={
        canAward ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAwarding(true)}
            data-testid="demo-award"
          >
            {t("privileges.demo.award")}
          </Button>
        ) : null
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 240 }}
          placeholder={t("privileges.demo.honourType")}
          value={honourType}
          onChange={(v) => {
            setHonourType(v);
            paging.firstPage();
          }}
          options={typeOptions}
          data-testid="demo-filter-type"
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<DemonstrationTitle>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={paging.pagination(list.data?.total)}
        onRow={rowTestId("demo-row")}
        locale={{ emptyText: t("privileges.demo.empty") }}
        scroll={{ x: 800 }}
      />
      <AwardModal
        open={awarding}
        typeOptions={typeOptions}
        onClose={() => setAwarding(false)}
        onAwarded={(award) => {
          setAwarding(false);
          message.success(t("privileges.demo.awarded", { name: award.enterpriseName, title: award.title }));
          list.reload();
        }}
      />
    </Card>
  );
}

interface AwardValues {
  enterpriseId: string;
  honourType: string;
  recognisedOn: Dayjs;
  documentNo: string;
  issuer?: string;
}

function AwardModal({
  open,
  typeOptions,
  onClose,
  onAwarded,
}: {
  open: boolean;
  typeOptions: { value: string; label: string }[];
  onClose: () => void;
  onAwarded: (award: DemonstrationTitle) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<AwardValues>();
  const required = { required: true, message: t("form.required") };

  const { saving, error, setError, onFinish } = useFormSubmit(form, async (v: AwardValues) => {
    const award = await api<DemonstrationTitle>(BASE, {
      method: "POST",
      body: {
        enterpriseId: v.enterpriseId,
        honourType: v.honourType,
        recognisedOn: v.recognisedOn.format("YYYY-MM-DD"),
        documentNo: v.documentNo.trim(),
        ...(v.issuer?.trim() ? { issuer: v.issuer.trim() } : {}),
      },
    });
    onAwarded(award);
  });

  return (
    <Modal
      open={open}
      title={t("privileges.demo.award")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("privileges.demo.awardConfirm")}
      okButtonProps={testId("demo-award-confirm")}
      confirmLoading={saving}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      <ErrorAlert error={error} showFields={false} />
      <Form<AwardValues> form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item name="enterpriseId" label={t("privileges.column.enterprise")} rules={[required]}>
          <EnterpriseSelect />
        </Form.Item>
        <Form.Item name="honourType" label={t("privileges.demo.honourType")} rules={[required]}>
          <Select options={typeOptions} data-testid="demo-form-type" />
        </Form.Item>
        <Form.Item name="recognisedOn" label={t("privileges.demo.recognisedOn")} rules={[required]}>
          <DatePicker data-testid="demo-form-date" />
        </Form.Item>
        <Form.Item
          name="documentNo"
          label={t("privileges.demo.documentNo")}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input maxLength={100} data-testid="demo-form-document" />
        </Form.Item>
        <Form.Item name="issuer" label={t("privileges.demo.issuer")}>
          <Input maxLength={200} data-testid="demo-form-issuer" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

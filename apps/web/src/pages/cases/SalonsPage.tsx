import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, InputNumber, Modal } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { PageContainer } from "../../components/PageContainer";
import { PagedTable } from "../../components/PagedTable";
import { SearchForm } from "../../components/SearchForm";
import { useTableQuery } from "../../components/useTableQuery";
import { useI18n } from "../../i18n/I18nProvider";
import type { Salon } from "./types";

const FILTER_KEYS = ["q", "from", "to"] as const;

export function SalonFormModal({
  salon,
  open,
  onClose,
  onSaved,
}: {
  salon: Salon | null;
  open: boolean;
  onClose: () => void;
  onSaved: (s: Salon) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await api<Salon>(salon ? `/api/v1/salons/${salon.id}` : "/api/v1/salons", {
        method: salon ? "PUT" : "POST",
        body: values,
      });
      message.success(t("common.saved"));
      onSaved(saved);
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setSaving(false);
    }
  };
  const required = [{ required: true, message: t("form.required") }];
  return (
    <Modal
      open={open}
      title={salon ? t("cases.salon.edit") : t("cases.salon.new")}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ "data-testid": "salon-ok" } as never}
    >
      <ErrorAlert error={error} showFields={false} />
      <Form
        form={form}
        layout="vertical"
        initialValues={salon ?? { attendeeCount: 0, topic: "亲清夜沙龙 · 政企面对面" }}
        preserve={false}
        data-testid="salon-form"
      >
        <Form.Item name="heldOn" label={t("cases.salon.heldOn")} rules={required}>
          <Input type="date" data-testid="salon-held-on" />
        </Form.Item>
        <Form.Item name="place" label={t("cases.salon.place")} rules={required}>
          <Input maxLength={200} data-testid="salon-place" />
        </Form.Item>
        <Form.Item name="topic" label={t("cases.salon.topic")}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="hosts" label={t("cases.salon.hosts")} rules={required}>
          <Input maxLength={500} data-testid="salon-hosts" />
        </Form.Item>
        <Form.Item name="attendeeCount" label={t("cases.salon.attendeeCount")} rules={required}>
          <InputNumber min={0} max={10000} data-testid="salon-count" />
        </Form.Item>
        <Form.Item name="attendees" label={t("cases.salon.attendees")} extra={t("cases.salon.attendeesHint")}>
          <Input.TextArea rows={4} maxLength={10000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 亲清夜沙龙: each salon with the problems collected there and how many are closed. */
export function SalonsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const tq = useTableQuery(FILTER_KEYS);
  const list = useApi<Page<Salon>>("/api/v1/salons", tq.query);
  const [creating, setCreating] = useState(false);
  const coordinator = user?.role === "admin" || user?.role === "regulator";
  const values = useMemo(
    () => ({
      q: tq.filters.q || undefined,
      from: tq.filters.from || undefined,
      to: tq.filters.to || undefined,
    }),
    [tq.filters],
  );
  const columns: ColumnsType<Salon> = [
    {
      title: t("cases.salon.heldOn"),
      dataIndex: "heldOn",
      width: 120,
      render: (d: string, s) => (
        <Link to={`/console/salons/${s.id}`} data-testid="salon-link">
          {d}
        </Link>
      ),
    },
    { title: t("cases.salon.place"), dataIndex: "place", ellipsis: true },
    { title: t("cases.salon.hosts"), dataIndex: "hosts", ellipsis: true },
    { title: t("cases.salon.attendeeCount"), dataIndex: "attendeeCount", width: 110 },
    { title: t("cases.salon.caseCount"), dataIndex: "caseCount", width: 110 },
    { title: t("cases.salon.closedCount"), dataIndex: "closedCount", width: 110 },
  ];
  return (
    <PageContainer
      title={t("cases.salon.title")}
      extra={
        coordinator ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="salon-create"
          >
            {t("cases.salon.new")}
          </Button>
        ) : null
      }
    >
      <SearchForm values={values} onSearch={tq.setFilters} onReset={tq.resetFilters}>
        <Form.Item name="q">
          <Input
            allowClear
            style={{ width: 240 }}
            placeholder={t("cases.salon.search")}
            data-testid="search-input"
          />
        </Form.Item>
        <Form.Item name="from" label={t("cases.list.from")}>
          <Input type="date" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="to" label={t("cases.list.to")}>
          <Input type="date" style={{ width: 150 }} />
        </Form.Item>
      </SearchForm>
      <PagedTable<Salon, (typeof FILTER_KEYS)[number]>
        state={list}
        tq={tq}
        rowTestIdValue="salon-row"
        columns={columns}
      />
      <SalonFormModal
        salon={null}
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          list.reload();
        }}
      />
    </PageContainer>
  );
}

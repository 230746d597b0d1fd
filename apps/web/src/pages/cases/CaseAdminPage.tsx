import { PlusOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import type { Page, User } from "../../api/types";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { PageContainer } from "../../components/PageContainer";
import { ForbiddenResult } from "../../components/Results";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDateTime } from "../../utils/format";
import { useCategories, useDepartments } from "./shared";
import type { CalendarYear, Category, Department } from "./types";

/** A modal form posting to the API, with field errors on the fields. */
function EditModal<V extends object>({
  title,
  open,
  initial,
  submit,
  onClose,
  onSaved,
  children,
}: {
  title: string;
  open: boolean;
  initial: Partial<V>;
  submit: (values: V) => Promise<unknown>;
  onClose: () => void;
  onSaved: () => void;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      await submit(values);
      message.success(t("common.saved"));
      onSaved();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      <ErrorAlert error={error} />
      <Form<V> form={form} layout="vertical" initialValues={initial as never} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}

function DepartmentsTab() {
  const { t, locale } = useI18n();
  const departments = useDepartments();
  const users = useApi<Page<User>>("/api/v1/users", { pageSize: 200 });
  const staffOptions = (users.data?.items ?? [])
    .filter((u) => u.role !== "enterprise")
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  const [editing, setEditing] = useState<Department | "new" | null>(null);
  const [members, setMembers] = useState<Department | null>(null);
  const required = [{ required: true, message: t("form.required") }];
  return (
    <>
      <ErrorAlert error={departments.error} onRetry={departments.reload} />
      <Button
        icon={<PlusOutlined />}
        onClick={() => setEditing("new")}
        style={{ marginBottom: 12 }}
        data-testid="department-create"
      >
        {t("common.create")}
      </Button>
      <Table<Department>
        rowKey="id"
        size="small"
        loading={departments.loading}
        dataSource={departments.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t("cases.admin.code"), dataIndex: "code", width: 100 },
          { title: t("cases.admin.name"), render: (_, d) => (locale === "zh-CN" ? d.nameZh : d.nameEn) },
          { title: t("cases.admin.email"), dataIndex: "email" },
          {
            title: t("cases.admin.active"),
            dataIndex: "active",
            width: 80,
            render: (a: boolean) => (a ? t("common.yes") : t("common.no")),
          },
          {
            title: t("cases.admin.members"),
            render: (_, d) => d.members.map((m) => <Tag key={m.id}>{m.displayName}</Tag>),
          },
          {
            title: t("common.actions"),
            width: 180,
            render: (_, d) => (
              <>
                <Button size="small" type="link" onClick={() => setEditing(d)}>
                  {t("common.edit")}
                </Button>
                <Button
                  size="small"
                  type="link"
                  onClick={() => setMembers(d)}
                  data-testid="department-members"
                >
                  {t("cases.admin.editMembers")}
                </Button>
              </>
            ),
          },
        ]}
      />
      <EditModal<Record<string, unknown>>
        title={t("cases.admin.departments")}
        open={editing !== null}
        initial={
          (editing && editing !== "new" ? editing : { active: true, sortOrder: 100 }) as Record<
            string,
            unknown
          >
        }
        submit={(v) =>
          editing === "new"
            ? api("/api/v1/departments", { method: "POST", body: { ...v, email: v.email || null } })
            : api(`/api/v1/departments/${(editing as Department).id}`, {
                method: "PATCH",
                body: { ...v, email: v.email || null },
              })
        }
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          departments.reload();
        }}
      >
        <Form.Item name="code" label={t("cases.admin.code")} rules={required}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="nameZh" label={t("cases.admin.nameZh")} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t("cases.admin.nameEn")} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="email" label={t("cases.admin.email")}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t("cases.admin.sortOrder")}>
          <InputNumber min={0} max={10000} />
        </Form.Item>
        <Form.Item name="active" label={t("cases.admin.active")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </EditModal>
      <EditModal<{ userIds: string[] }>
        title={t("cases.admin.editMembers")}
        open={members !== null}
        initial={{ userIds: members?.members.map((m) => m.id) ?? [] }}
        submit={(v) =>
          api(`/api/v1/departments/${members?.id}/members`, {
            method: "PUT",
            body: { userIds: v.userIds ?? [] },
          })
        }
        onClose={() => setMembers(null)}
        onSaved={() => {
          setMembers(null);
          departments.reload();
        }}
      >
        <Form.Item name="userIds" label={t("cases.admin.members")}>
          <Select
            mode="multiple"
            options={staffOptions}
            optionFilterProp="label"
            data-testid="members-select"
          />
        </Form.Item>
      </EditModal>
    </>
  );
}

function CategoriesTab() {
  const { t, locale } = useI18n();
  const categories = useCategories(true);
  const departments = useDepartments();
  const [editing, setEditing] = useState<Category | "new" | null>(null);
  const required = [{ required: true, message: t("form.required") }];
  const days = (name: string, label: string) => (
    <Form.Item name={name} label={label} rules={required}>
      <InputNumber min={1} max={250} />
    </Form.Item>
  );
  return (
    <>
      <ErrorAlert error={categories.error} onRetry={categories.reload} />
      <Button icon={<PlusOutlined />} onClick={() => setEditing("new")} style={{ marginBottom: 12 }}>
        {t("common.create")}
      </Button>
      <Table<Category>
        rowKey="code"
        size="small"
        loading={categories.loading}
        dataSource={categories.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t("cases.admin.code"), dataIndex: "code", width: 170 },
          { title: t("cases.admin.name"), render: (_, c) => (locale === "zh-CN" ? c.nameZh : c.nameEn) },
          {
            title: t("cases.field.department"),
            dataIndex: "departmentName",
            render: (d: string | null) => d ?? t("cases.dash.unrouted"),
          },
          { title: t("cases.admin.ackDays"), dataIndex: "acknowledgeDays", width: 110 },
          { title: t("cases.admin.firstDays"), dataIndex: "firstAnswerDays", width: 110 },
          { title: t("cases.admin.resolveDays"), dataIndex: "resolveDays", width: 110 },
          {
            title: t("cases.admin.active"),
            dataIndex: "active",
            width: 80,
            render: (a: boolean) => (a ? t("common.yes") : t("common.no")),
          },
          {
            title: t("common.actions"),
            width: 90,
            render: (_, c) => (
              <Button size="small" type="link" onClick={() => setEditing(c)} data-testid="category-edit">
                {t("common.edit")}
              </Button>
            ),
          },
        ]}
      />
      <EditModal<Record<string, unknown>>
        title={t("cases.admin.categories")}
        open={editing !== null}
        initial={
          (editing && editing !== "new"
            ? editing
            : {
                acknowledgeDays: 1,
                firstAnswerDays: 5,
                resolveDays: 15,
                active: true,
                sortOrder: 100,
                departmentId: null,
              }) as Record<string, unknown>
        }
        submit={(v) => {
          const { code, departmentName: _d, ...rest } = v;
          const body = { ...rest, departmentId: rest.departmentId ?? null };
          return editing === "new"
            ? api("/api/v1/case-categories", { method: "POST", body: { code, ...body } })
            : api(`/api/v1/case-categories/${(editing as Category).code}`, { method: "PUT", body });
        }}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          categories.reload();
        }}
      >
        <Form.Item name="code" label={t("cases.admin.code")} rules={required}>
          <Input maxLength={40} disabled={editing !== "new"} />
        </Form.Item>
        <Form.Item name="nameZh" label={t("cases.admin.nameZh")} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t("cases.admin.nameEn")} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="departmentId" label={t("cases.field.department")}>
          <Select allowClear options={departments.options} />
        </Form.Item>
        {days("acknowledgeDays", t("cases.admin.ackDays"))}
        {days("firstAnswerDays", t("cases.admin.firstDays"))}
        {days("resolveDays", t("cases.admin.resolveDays"))}
        <Form.Item name="sortOrder" label={t("cases.admin.sortOrder")}>
          <InputNumber min={0} max={10000} />
        </Form.Item>
        <Form.Item name="active" label={t("cases.admin.active")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </EditModal>
    </>
  );
}

const lines = (s: unknown) =>
  String(s ?? "")
    .split(/[\s,，]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function CalendarTab() {
  const { t } = useI18n();
  const years = useApi<{ items: CalendarYear[] }>("/api/v1/work-calendar");
  const [editing, setEditing] = useState<CalendarYear | "new" | null>(null);
  const current = editing && editing !== "new" ? editing : null;
  return (
    <>
      <ErrorAlert error={years.error} onRetry={years.reload} />
      <Typography.Paragraph type="secondary">{t("cases.admin.calendarHint")}</Typography.Paragraph>
      <Button
        icon={<PlusOutlined />}
        onClick={() => setEditing("new")}
        style={{ marginBottom: 12 }}
        data-testid="calendar-create"
      >
        {t("cases.admin.addYear")}
      </Button>
      <Table<CalendarYear>
        rowKey="year"
        size="small"
        loading={years.loading}
        dataSource={years.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t("cases.admin.year"), dataIndex: "year", width: 80 },
          { title: t("cases.admin.holidays"), dataIndex: "holidays", render: (h: string[]) => h.length },
          {
            title: t("cases.admin.makeUp"),
            dataIndex: "makeUpWorkdays",
            render: (m: string[]) => m.join("、"),
          },
          {
            title: t("cases.admin.verified"),
            dataIndex: "verified",
            width: 90,
            render: (v: boolean) => (v ? t("common.yes") : t("common.no")),
          },
          { title: t("cases.admin.source"), dataIndex: "source", ellipsis: true },
          {
            title: t("common.actions"),
            width: 90,
            render: (_, y) => (
              <Button size="small" type="link" onClick={() => setEditing(y)}>
                {t("common.edit")}
              </Button>
            ),
          },
        ]}
      />
      <EditModal<Record<string, unknown>>
        title={t("cases.admin.calendar")}
        open={editing !== null}
        initial={
          current
            ? {
                ...current,
                holidays: current.holidays.join("\n"),
                makeUpWorkdays: current.makeUpWorkdays.join("\n"),
              }
            : {
                year: new Date().getFullYear() + 1,
                verified: false,
                source: "",
                holidays: "",
                makeUpWorkdays: "",
              }
        }
        submit={(v) =>
          api(`/api/v1/work-calendar/${v.year}`, {
            method: "PUT",
            body: {
              holidays: lines(v.holidays),
              makeUpWorkdays: lines(v.makeUpWorkdays),
              verified: Boolean(v.verified),
              source: String(v.source ?? ""),
            },
          })
        }
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          years.reload();
        }}
      >
        <Form.Item
          name="year"
          label={t("cases.admin.year")}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <InputNumber min={2000} max={2099} disabled={current !== null} />
        </Form.Item>
        <Form.Item name="holidays" label={t("cases.admin.holidays")} extra={t("cases.admin.datesHint")}>
          <Input.TextArea rows={6} />
        </Form.Item>
        <Form.Item name="makeUpWorkdays" label={t("cases.admin.makeUp")} extra={t("cases.admin.datesHint")}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="source" label={t("cases.admin.source")}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="verified" label={t("cases.admin.verified")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </EditModal>
    </>
  );
}

interface Mail {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  kind: string;
  createdAt: string;
  sentAt: string | null;
}

function OutboxTab() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const mails = useApi<Page<Mail>>("/api/v1/email-outbox", { page, pageSize: 20 });
  return (
    <>
      <ErrorAlert error={mails.error} onRetry={mails.reload} />
      <Typography.Paragraph type="secondary">{t("cases.admin.outboxHint")}</Typography.Paragraph>
      <Table<Mail>
        rowKey="id"
        size="small"
        loading={mails.loading}
        dataSource={mails.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: mails.data?.total ?? 0, onChange: setPage }}
        expandable={{
          expandedRowRender: (m) => <pre style={{ whiteSpace: "pre-wrap", margin: 0 }}>{m.body}</pre>,
        }}
        columns={[
          { title: t("cases.admin.createdAt"), dataIndex: "createdAt", width: 170, render: formatDateTime },
          { title: t("cases.admin.to"), dataIndex: "toAddress", width: 200 },
          { title: t("cases.admin.subject"), dataIndex: "subject" },
          {
            title: t("cases.admin.sent"),
            dataIndex: "sentAt",
            width: 120,
            render: (s: string | null) => (s ? formatDateTime(s) : <Tag>{t("cases.admin.notSent")}</Tag>),
          },
        ]}
      />
    </>
  );
}

/** 诉求办理配置 (admin): departments and members, categories with routing and deadlines, calendar, outbox. */
export function CaseAdminPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  if (user?.role !== "admin") return <ForbiddenResult />;
  return (
    <PageContainer title={t("cases.admin.title")}>
      <Card>
        <Tabs
          items={[
            { key: "departments", label: t("cases.admin.departments"), children: <DepartmentsTab /> },
            { key: "categories", label: t("cases.admin.categories"), children: <CategoriesTab /> },
            { key: "calendar", label: t("cases.admin.calendar"), children: <CalendarTab /> },
            { key: "outbox", label: t("cases.admin.outbox"), children: <OutboxTab /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}

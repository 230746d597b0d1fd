import { PlusOutlined } from "@ant-design/icons";
import { Button, Form, InputNumber, Select, Table } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useI18n } from "../../../i18n/I18nProvider";
import { useCategories, useDepartments } from "../shared";
import type { Category } from "../types";
import { EditModal } from "./EditModal";
import { CodeNameFields, codeNameColumns, OrderActiveFields, yesNoColumn } from "./fields";

/** 问题类别与时限: categories, the department each is routed to, and their deadlines in working days. */
export function CategoriesTab() {
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
          ...codeNameColumns<Category>(t, locale, 170),
          {
            title: t("cases.field.department"),
            dataIndex: "departmentName",
            render: (d: string | null) => d ?? t("cases.dash.unrouted"),
          },
          { title: t("cases.admin.ackDays"), dataIndex: "acknowledgeDays", width: 110 },
          { title: t("cases.admin.firstDays"), dataIndex: "firstAnswerDays", width: 110 },
          { title: t("cases.admin.resolveDays"), dataIndex: "resolveDays", width: 110 },
          yesNoColumn(t, "cases.admin.active", "active", 80),
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
        <CodeNameFields codeLocked={editing !== "new"} />
        <Form.Item name="departmentId" label={t("cases.field.department")}>
          <Select allowClear options={departments.options} />
        </Form.Item>
        {days("acknowledgeDays", t("cases.admin.ackDays"))}
        {days("firstAnswerDays", t("cases.admin.firstDays"))}
        {days("resolveDays", t("cases.admin.resolveDays"))}
        <OrderActiveFields />
      </EditModal>
    </>
  );
}

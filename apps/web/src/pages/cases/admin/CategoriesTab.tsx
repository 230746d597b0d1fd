import { PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input, InputNumber, Select, Switch, Table } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useI18n } from "../../../i18n/I18nProvider";
import { useCategories, useDepartments } from "../shared";
import type { Category } from "../types";
import { EditModal } from "./EditModal";

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

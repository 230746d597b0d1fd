import { PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input, Select, Table, Tag } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import type { Page, User } from "../../../api/types";
import { useApi } from "../../../api/useApi";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useI18n } from "../../../i18n/I18nProvider";
import { useDepartments } from "../shared";
import type { Department } from "../types";
import { EditModal } from "./EditModal";
import { CodeNameFields, codeNameColumns, OrderActiveFields, yesNoColumn } from "./fields";

/** 承办部门: departments, their mailboxes and the staff users who work their cases. */
export function DepartmentsTab() {
  const { t, locale } = useI18n();
  const departments = useDepartments();
  const users = useApi<Page<User>>("/api/v1/users", { pageSize: 200 });
  const staffOptions = (users.data?.items ?? [])
    .filter((u) => u.role !== "enterprise")
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  const [editing, setEditing] = useState<Department | "new" | null>(null);
  const [members, setMembers] = useState<Department | null>(null);
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
          ...codeNameColumns<Department>(t, locale, 100),
          { title: t("cases.admin.email"), dataIndex: "email" },
          yesNoColumn(t, "cases.admin.active", "active", 80),
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
        <CodeNameFields />
        <Form.Item name="email" label={t("cases.admin.email")}>
          <Input maxLength={200} />
        </Form.Item>
        <OrderActiveFields />
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

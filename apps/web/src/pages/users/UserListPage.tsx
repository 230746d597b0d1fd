import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Popconfirm, Space, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api/client";
import type { Paged, Role, User } from "../../api/types";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { errorMessage } from "../../components/ErrorAlert";
import { FilterInput } from "../../components/FilterInput";
import { PageContainer } from "../../components/PageContainer";
import { PagedTable } from "../../components/PagedTable";
import { SearchForm } from "../../components/SearchForm";
import { StatusTag } from "../../components/StatusTag";
import { useFilterForm } from "../../components/useFilterForm";
import { useTableQuery } from "../../components/useTableQuery";
import { useI18n } from "../../i18n/I18nProvider";
import { EMPTY, formatDateTime } from "../../utils/format";
import { CreateUserModal } from "./CreateUserModal";
import { ResetPasswordModal } from "./ResetPasswordModal";

const FILTER_KEYS = ["q"] as const;

export function UserListPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user: me } = useAuth();
  const tq = useTableQuery(FILTER_KEYS);
  const list = useApi<Paged<User>>("/api/v1/users", tq.query);
  const { reload } = list;
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const { formValues } = useFilterForm(tq);

  const toggleDisabled = async (user: User) => {
    try {
      await api<User>(`/api/v1/users/${encodeURIComponent(user.id)}`, {
        method: "PATCH",
        body: { disabled: !user.disabled },
      });
      message.success(t(user.disabled ? "users.enabled" : "users.disabled", { name: user.displayName }));
      reload();
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  const columns: ColumnsType<User> = [
    { title: t("users.username"), dataIndex: "username" },
    { title: t("users.displayName"), dataIndex: "displayName" },
    {
      title: t("users.role"),
      dataIndex: "role",
      render: (role: Role) => <Tag color="blue">{t(`role.${role}`)}</Tag>,
    },
    {
      title: t("users.enterprise"),
      key: "enterprise",
      render: (_, user) =>
        user.enterpriseId ? (
          <Link to={`/console/enterprises/${user.enterpriseId}`}>
            {user.enterpriseName ?? t("users.viewEnterprise")}
          </Link>
        ) : (
          EMPTY
        ),
    },
    {
      title: t("users.status"),
      dataIndex: "disabled",
      render: (disabled: boolean) => <StatusTag status={disabled ? "user.disabled" : "user.active"} />,
    },
    { title: t("users.createdAt"), dataIndex: "createdAt", render: formatDateTime },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_, user) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => setResetting(user)}
            data-testid="user-reset-password"
          >
            {t("users.resetPassword")}
          </Button>
          <Popconfirm
            title={t(user.disabled ? "users.enable.confirm" : "users.disable.confirm", {
              name: user.displayName,
            })}
            onConfirm={() => toggleDisabled(user)}
            okButtonProps={{ danger: !user.disabled }}
            disabled={user.id === me?.id}
          >
            <Button
              type="link"
              size="small"
              danger={!user.disabled}
              disabled={user.id === me?.id}
              data-testid="user-toggle-disabled"
            >
              {user.disabled ? t("users.enable") : t("users.disable")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t("nav.users")}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="user-create-button"
        >
          {t("users.create")}
        </Button>
      }
    >
      <SearchForm values={formValues} onSearch={tq.setFilters} onReset={tq.resetFilters}>
        <FilterInput width={280} placeholder={t("users.search.placeholder")} testId="search-input" />
      </SearchForm>
      <PagedTable state={list} tq={tq} rowTestIdValue="user-row" columns={columns} scroll={{ x: 900 }} />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          message.success(t("users.created", { name: user.displayName }));
          reload();
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </PageContainer>
  );
}

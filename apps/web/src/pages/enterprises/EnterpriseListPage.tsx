import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Empty, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link, Navigate, useNavigate } from "react-router-dom";
import { useReference } from "../../api/reference";
import type { EnterpriseSummary, Page } from "../../api/types";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { can } from "../../auth/permissions";
import { ExportButton } from "../../components/ExportButton";
import { FilterInput } from "../../components/FilterInput";
import { FilterSelect } from "../../components/FilterSelect";
import { PageContainer } from "../../components/PageContainer";
import { PagedTable } from "../../components/PagedTable";
import { SearchForm } from "../../components/SearchForm";
import { type FilterFormValues, useFilterForm } from "../../components/useFilterForm";
import { useTableQuery } from "../../components/useTableQuery";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, formatNumber, text } from "../../utils/format";
import { EnterpriseFormDrawer } from "./EnterpriseFormDrawer";

const FILTER_KEYS = ["q", "town", "scale", "certification", "honour", "exportFlag"] as const;
type FilterValues = FilterFormValues<(typeof FILTER_KEYS)[number]>;

export function EnterpriseListPage() {
  const { user } = useAuth();
  if (user?.role === "enterprise") {
    return user.enterpriseId ? (
      <Navigate to={`/console/enterprises/${user.enterpriseId}`} replace />
    ) : (
      <Empty />
    );
  }
  return <EnterpriseList />;
}

function EnterpriseFilters() {
  const { t } = useI18n();
  const towns = useReference("towns");
  const certTypes = useReference("certification-types");
  const honourTypes = useReference("honour-types");
  return (
    <>
      <FilterInput width={300} placeholder={t("enterprises.search.placeholder")} testId="search-input" />
      <FilterSelect
        name="town"
        searchable
        placeholder={t("enterprise.field.town")}
        options={towns.options}
        testId="filter-town"
      />
      <FilterSelect
        name="scale"
        placeholder={t("enterprises.filter.scale")}
        options={[
          { value: "above", label: t("enterprise.aboveScale") },
          { value: "below", label: t("enterprise.belowScale") },
        ]}
        testId="filter-scale"
      />
      <FilterSelect
        name="certification"
        searchable
        placeholder={t("enterprises.filter.certification")}
        options={certTypes.options}
        testId="filter-certification"
      />
      <FilterSelect
        name="honour"
        searchable
        placeholder={t("enterprises.filter.honour")}
        options={honourTypes.options}
        testId="filter-honour"
      />
      <FilterSelect
        name="exportFlag"
        placeholder={t("enterprise.field.exportFlag")}
        options={[
          { value: "true", label: t("enterprise.exporter") },
          { value: "false", label: t("enterprise.nonExporter") },
        ]}
        testId="filter-export"
      />
    </>
  );
}

function EnterpriseList() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const navigate = useNavigate();
  const tq = useTableQuery(FILTER_KEYS);
  const list = useApi<Page<EnterpriseSummary>>("/api/v1/enterprises", tq.query);
  const [creating, setCreating] = useState(false);
  const canCreate = can(user, "createEnterprise");
  const { formValues, hasFilters } = useFilterForm(tq);

  const columns: ColumnsType<EnterpriseSummary> = [
    {
      title: t("enterprise.field.name"),
      key: "name",
      sorter: true,
      sortOrder: tq.sortOrder("name"),
      render: (_, e) => (
        <Space size={4} wrap>
          <Link to={`/console/enterprises/${e.id}`} data-testid="enterprise-link">
            {e.name}
          </Link>
          {e.isSynthetic ? <Tag>{t("enterprise.synthetic")}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t("enterprise.field.uscc"),
      dataIndex: "uscc",
      width: 210,
      render: (uscc: string) => (
        <Typography.Text copyable={{ text: uscc }} className="nowrap">
          {uscc}
        </Typography.Text>
      ),
    },
    { title: t("enterprise.field.town"), dataIndex: "townName", width: 110, render: text },
    {
      title: t("enterprise.field.legalRepresentative"),
      dataIndex: "legalRepresentative",
      width: 120,
      render: text,
    },
    {
      title: t("enterprises.column.scale"),
      dataIndex: "aboveScale",
      width: 100,
      render: (above: boolean) =>
        above ? (
          <Tag color="blue">{t("enterprise.aboveScale")}</Tag>
        ) : (
          <Tag>{t("enterprise.belowScale")}</Tag>
        ),
    },
    {
      title: t("enterprise.field.employees"),
      key: "employees",
      dataIndex: "employees",
      align: "right",
      width: 120,
      sorter: true,
      sortOrder: tq.sortOrder("employees"),
      render: (n: number | null) => formatNumber(n, locale),
    },
    {
      title: t("enterprise.field.foundedOn"),
      key: "foundedOn",
      dataIndex: "foundedOn",
      width: 130,
      sorter: true,
      sortOrder: tq.sortOrder("foundedOn"),
      render: formatDate,
    },
    {
      title: t("enterprise.field.exportFlag"),
      dataIndex: "exportFlag",
      width: 100,
      render: (flag: boolean) => (flag ? <Tag color="green">{t("enterprise.exporter")}</Tag> : text(null)),
    },
    {
      title: t("enterprise.field.updatedAt"),
      key: "updatedAt",
      dataIndex: "updatedAt",
      width: 130,
      sorter: true,
      sortOrder: tq.sortOrder("updatedAt"),
      render: formatDate,
    },
  ];

  return (
    <PageContainer
      title={t("nav.enterprises")}
      extra={
        <>
          <ExportButton
            url="/api/v1/enterprises/export"
            filename="enterprises.xlsx"
            query={tq.query}
            testId="enterprise-export-button"
          >
            {t("enterprises.export")}
          </ExportButton>
          {canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="enterprise-create-button"
            >
              {t("common.create")}
            </Button>
          ) : null}
        </>
      }
    >
      <SearchForm<FilterValues> values={formValues} onSearch={tq.setFilters} onReset={tq.resetFilters}>
        <EnterpriseFilters />
      </SearchForm>
      <PagedTable
        state={list}
        tq={tq}
        rowTestIdValue="enterprise-row"
        columns={columns}
        scroll={{ x: 1320 }}
        locale={{
          emptyText: (
            <Empty
              description={hasFilters ? t("enterprises.empty.filtered") : t("enterprises.empty")}
              data-testid="empty-state"
            >
              {!hasFilters && canCreate ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t("enterprises.create")}
                </Button>
              ) : null}
            </Empty>
          ),
        }}
      />
      <EnterpriseFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(e) => {
          setCreating(false);
          message.success(t("enterprise.created"));
          navigate(`/console/enterprises/${e.id}`);
        }}
      />
    </PageContainer>
  );
}

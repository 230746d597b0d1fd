import { PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Form, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link, useNavigate } from "react-router-dom";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { can } from "../../auth/permissions";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { ExportButton } from "../../components/ExportButton";
import { FilterDate, FilterInput } from "../../components/FilterInput";
import { FilterSelect } from "../../components/FilterSelect";
import { PageContainer } from "../../components/PageContainer";
import { PagedTable } from "../../components/PagedTable";
import { SearchForm } from "../../components/SearchForm";
import { type FilterFormValues, useFilterForm } from "../../components/useFilterForm";
import { useTableQuery } from "../../components/useTableQuery";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, formatDateTime, formatNumber, text } from "../../utils/format";
import { countryName } from "./countries";
import { LotStatusTag, ModeTag, ResultTag, useProductCategories } from "./shared";
import { LOT_STATUSES, type LotPage, type LotSummary, MODES } from "./types";

const FILTER_KEYS = [
  "q",
  "status",
  "mode",
  "decision",
  "productCategory",
  "enterpriseId",
  "declaredFrom",
  "declaredTo",
] as const;
type FilterValues = FilterFormValues<(typeof FILTER_KEYS)[number]>;

function LotFilters({ staff }: { staff: boolean }) {
  const { t } = useI18n();
  const categories = useProductCategories();
  return (
    <>
      <FilterInput width={260} placeholder={t("lots.search.placeholder")} testId="search-input" />
      <FilterSelect
        name="status"
        placeholder={t("lots.field.status")}
        options={LOT_STATUSES.map((s) => ({ value: s, label: t(`lotStatus.${s}`) }))}
        testId="filter-status"
      />
      <FilterSelect
        name="mode"
        placeholder={t("lots.field.mode")}
        options={MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
        testId="filter-mode"
      />
      <FilterSelect
        name="decision"
        placeholder={t("lots.field.decision")}
        options={[
          { value: "release", label: t("lots.decision.release") },
          { value: "inspect", label: t("lots.decision.inspect") },
        ]}
        testId="filter-decision"
      />
      <FilterSelect
        name="productCategory"
        placeholder={t("lots.field.productCategory")}
        options={categories.options}
        testId="filter-category"
      />
      {staff ? (
        <Form.Item name="enterpriseId" style={{ minWidth: 260 }}>
          <EnterpriseSelect />
        </Form.Item>
      ) : null}
      <FilterDate name="declaredFrom" label={t("lots.filter.declaredFrom")} testId="filter-declared-from" />
      <FilterDate name="declaredTo" label={t("lots.filter.declaredTo")} testId="filter-declared-to" />
    </>
  );
}

export function LotListPage() {
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const tq = useTableQuery(FILTER_KEYS);
  const list = useApi<LotPage>("/api/v1/lots", tq.query);
  const categories = useProductCategories();
  const staff = user?.role !== "enterprise";
  const canDeclare = can(user, "declare");
  const { formValues, hasFilters } = useFilterForm(tq);

  const columns: ColumnsType<LotSummary> = [
    {
      title: t("lots.field.declarationNo"),
      dataIndex: "declarationNo",
      width: 190,
      fixed: "left",
      render: (no: string, l) => (
        <Link to={`/console/lots/${l.id}`} data-testid="lot-link">
          {no}
        </Link>
      ),
    },
    ...(staff
      ? [{ title: t("lots.field.enterprise"), dataIndex: "enterpriseName", width: 220, ellipsis: true }]
      : []),
    {
      title: t("lots.field.status"),
      dataIndex: "status",
      width: 130,
      render: (s: LotSummary["status"]) => <LotStatusTag status={s} />,
    },
    {
      title: t("lots.field.mode"),
      dataIndex: "mode",
      width: 110,
      render: (m: LotSummary["mode"]) => <ModeTag mode={m} />,
    },
    {
      title: t("lots.field.class"),
      dataIndex: "enterpriseClass",
      width: 100,
      render: (c: LotSummary["enterpriseClass"]) => t(`class.${c}`),
    },
    {
      title: t("lots.field.productCategory"),
      dataIndex: "productCategory",
      width: 130,
      render: (code: string) => categories.nameOf(code),
    },
    { title: t("lots.field.hsCode"), dataIndex: "hsCode", width: 110 },
    {
      title: t("lots.field.lotSize"),
      dataIndex: "lotSize",
      width: 100,
      align: "right",
      render: (n: number) => formatNumber(n, locale),
    },
    {
      title: t("lots.field.valueUsd"),
      key: "value",
      dataIndex: "valueUsd",
      width: 130,
      align: "right",
      sorter: true,
      sortOrder: tq.sortOrder("value"),
      render: (n: number) => formatNumber(n, locale),
    },
    {
      title: t("lots.field.destination"),
      dataIndex: "destination",
      width: 120,
      render: (c: string) => countryName(c, locale),
    },
    { title: t("lots.field.buyer"), dataIndex: "buyer", width: 160, ellipsis: true, render: text },
    {
      title: t("lots.field.shipDate"),
      key: "shipDate",
      dataIndex: "shipDate",
      width: 120,
      sorter: true,
      sortOrder: tq.sortOrder("shipDate"),
      render: formatDate,
    },
    {
      title: t("lots.field.declaredAt"),
      key: "declaredAt",
      dataIndex: "declaredAt",
      width: 170,
      sorter: true,
      sortOrder: tq.sortOrder("declaredAt"),
      render: formatDateTime,
    },
    {
      title: t("lots.field.officialResult"),
      dataIndex: "officialResult",
      width: 110,
      render: (r: LotSummary["officialResult"]) => <ResultTag result={r} />,
    },
    { title: t("lots.field.releaseNo"), dataIndex: "releaseNo", width: 190, render: text },
  ];

  return (
    <PageContainer
      title={t("nav.lots")}
      subTitle={
        list.data?.totalCapped ? (
          <Typography.Text type="warning">
            {t("lots.totalCapped", { total: list.data.total })}
          </Typography.Text>
        ) : undefined
      }
      extra={
        <>
          <ExportButton
            url="/api/v1/lots/export"
            filename="lots.xlsx"
            query={tq.query}
            testId="lot-export-button"
          >
            {t("lots.export")}
          </ExportButton>
          {canDeclare ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate("/console/lots/new")}
              data-testid="declare-button"
            >
              {t("lots.declare")}
            </Button>
          ) : null}
        </>
      }
    >
      <SearchForm<FilterValues> values={formValues} onSearch={tq.setFilters} onReset={tq.resetFilters}>
        <LotFilters staff={staff} />
      </SearchForm>
      <PagedTable
        state={list}
        tq={tq}
        rowTestIdValue="lot-row"
        columns={columns}
        scroll={{ x: staff ? 2100 : 1880 }}
        locale={{
          emptyText: (
            <Empty
              description={hasFilters ? t("lots.empty.filtered") : t("lots.empty")}
              data-testid="empty-state"
            >
              {!hasFilters && canDeclare ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/console/lots/new")}>
                  {t("lots.declare")}
                </Button>
              ) : null}
            </Empty>
          ),
        }}
      />
    </PageContainer>
  );
}

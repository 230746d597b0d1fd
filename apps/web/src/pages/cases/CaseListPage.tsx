import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, Select, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { apiDownload } from "../../api/client";
import type { Page } from "../../api/types";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { errorMessage } from "../../components/ErrorAlert";
import { FilterSelect } from "../../components/FilterSelect";
import { PageContainer } from "../../components/PageContainer";
import { PagedTable } from "../../components/PagedTable";
import { SearchForm } from "../../components/SearchForm";
import { useTableQuery } from "../../components/useTableQuery";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDateTime } from "../../utils/format";
import { CaseCreateModal } from "./CaseCreateModal";
import { CaseStatusTag, displayTrackingNumber, RatingTag, useCategories, useDepartments } from "./shared";
import { CASE_STATUSES, type CaseSummary, CHANNELS } from "./types";

const FILTER_KEYS = ["q", "status", "category", "departmentId", "channel", "overdue", "from", "to"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** 诉求案件: the work queue — coordinators all cases, a department its own, an enterprise its own. */
export function CaseListPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const navigate = useNavigate();
  const tq = useTableQuery(FILTER_KEYS);
  const list = useApi<Page<CaseSummary>>("/api/v1/cases", tq.query);
  const categories = useCategories();
  const staff = user?.role !== "enterprise";
  const departments = useDepartments(staff);
  const coordinator = user?.role === "admin" || user?.role === "regulator";
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  const formValues = useMemo(
    () =>
      Object.fromEntries(FILTER_KEYS.map((k) => [k, tq.filters[k] || undefined])) as Partial<
        Record<FilterKey, string>
      >,
    [tq.filters],
  );

  const onExport = async () => {
    setExporting(true);
    try {
      const { page: _p, pageSize: _s, sort: _o, ...filters } = tq.query;
      await apiDownload("/api/v1/cases/export", filters, "cases.xlsx");
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<CaseSummary> = [
    {
      title: t("cases.field.trackingNumber"),
      dataIndex: "trackingNumber",
      width: 200,
      render: (n: string, c) => (
        <Link to={`/console/cases/${c.id}`} data-testid="case-link">
          {displayTrackingNumber(n)}
        </Link>
      ),
    },
    {
      title: t("cases.field.title"),
      dataIndex: "title",
      ellipsis: true,
      render: (title: string, c) => (
        <>
          {c.heldForReview ? <Tag color="red">{t("cases.list.held")}</Tag> : null}
          {title}
        </>
      ),
    },
    {
      title: t("cases.field.category"),
      dataIndex: "category",
      width: 120,
      render: (c: string) => categories.nameOf(c),
    },
    {
      title: t("cases.field.channel"),
      dataIndex: "channel",
      width: 110,
      render: (c: string) => t(`cases.channel.${c as "web"}`),
    },
    {
      title: t("cases.field.department"),
      dataIndex: "departmentName",
      width: 200,
      ellipsis: true,
      render: (d: string | null) => d ?? t("cases.dash.unrouted"),
    },
    {
      title: t("cases.field.status"),
      dataIndex: "status",
      width: 130,
      render: (s: CaseSummary["status"], c) => (
        <>
          <CaseStatusTag status={s} />
          {c.overdue ? (
            <Tag color="red" data-testid="case-overdue">
              {t("cases.field.overdue")}
            </Tag>
          ) : null}
        </>
      ),
    },
    { title: t("cases.field.submittedAt"), dataIndex: "submittedAt", width: 170, render: formatDateTime },
    { title: t("cases.field.resolveDue"), dataIndex: "resolveDue", width: 170, render: formatDateTime },
    {
      title: t("cases.field.rating"),
      dataIndex: "rating",
      width: 100,
      render: (r: CaseSummary["rating"]) => <RatingTag rating={r} />,
    },
  ];

  return (
    <PageContainer
      title={t("cases.list.title")}
      extra={
        <>
          {coordinator || user?.role === "enterprise" ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="case-create"
            >
              {t("cases.list.new")}
            </Button>
          ) : null}
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={onExport}
            data-testid="case-export"
          >
            {t("cases.list.export")}
          </Button>
        </>
      }
    >
      <SearchForm values={formValues} onSearch={tq.setFilters} onReset={tq.resetFilters}>
        <Form.Item name="q">
          <Input
            allowClear
            style={{ width: 240 }}
            placeholder={t("cases.list.search")}
            data-testid="search-input"
          />
        </Form.Item>
        <FilterSelect
          name="status"
          placeholder={t("cases.field.status")}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
          testId="filter-status"
        />
        <FilterSelect
          name="category"
          placeholder={t("cases.field.category")}
          options={categories.options}
          testId="filter-category"
        />
        {staff ? (
          <FilterSelect
            name="departmentId"
            placeholder={t("cases.field.department")}
            options={departments.options}
            testId="filter-department"
          />
        ) : null}
        <FilterSelect
          name="channel"
          placeholder={t("cases.field.channel")}
          options={CHANNELS.map((c) => ({ value: c, label: t(`cases.channel.${c}`) }))}
          testId="filter-channel"
        />
        <Form.Item name="overdue">
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t("cases.field.overdue")}
            options={[{ value: "true", label: t("cases.list.overdueOnly") }]}
            data-testid="filter-overdue"
          />
        </Form.Item>
        <Form.Item name="from" label={t("cases.list.from")}>
          <Input type="date" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="to" label={t("cases.list.to")}>
          <Input type="date" style={{ width: 150 }} />
        </Form.Item>
      </SearchForm>
      <PagedTable<CaseSummary, FilterKey>
        state={list}
        tq={tq}
        rowTestIdValue="case-row"
        columns={columns}
        scroll={{ x: 1300 }}
        locale={{ emptyText: t("cases.list.empty") }}
      />
      <CaseCreateModal
        open={creating}
        staff={staff}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          navigate(`/console/cases/${c.id}`);
        }}
      />
    </PageContainer>
  );
}

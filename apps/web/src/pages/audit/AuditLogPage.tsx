import { AutoComplete, DatePicker, Form, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import { useMemo } from "react";
import { Link } from "react-router-dom";
import type { AuditEntry, Page } from "../../api/types";
import { useApi } from "../../api/useApi";
import { AuditAction } from "../../components/AuditAction";
import { FilterInput } from "../../components/FilterInput";
import { JsonDiff } from "../../components/JsonDiff";
import { PageContainer } from "../../components/PageContainer";
import { PagedTable } from "../../components/PagedTable";
import { SearchForm } from "../../components/SearchForm";
import { type DateRangeFormValues, useDateRangeFilterForm } from "../../components/useFilterForm";
import { useTableQuery } from "../../components/useTableQuery";
import { useI18n } from "../../i18n/I18nProvider";
import { EMPTY, formatDateTime } from "../../utils/format";

const FILTER_KEYS = ["actor", "entityType", "action", "from", "to"] as const;
const ENTITY_TYPES = ["enterprise", "user", "import"];
const ACTIONS = ["create", "update", "delete", "commit", "login"];
type AuditFilterValues = DateRangeFormValues<(typeof FILTER_KEYS)[number]>;

function entityLink(entry: AuditEntry) {
  if (!entry.entityId) return EMPTY;
  if (entry.entityType === "enterprise") {
    return <Link to={`/console/enterprises/${entry.entityId}?tab=history`}>{entry.entityId}</Link>;
  }
  return <Typography.Text copyable>{entry.entityId}</Typography.Text>;
}

export function AuditLogPage() {
  const { t } = useI18n();
  const tq = useTableQuery(FILTER_KEYS);
  const { from, to } = tq.filters;
  // dates in the URL are local calendar days; the API gets the instants bounding them
  const query = useMemo(
    () => ({
      ...tq.query,
      from: from ? dayjs(from).startOf("day").toISOString() : undefined,
      to: to ? dayjs(to).endOf("day").toISOString() : undefined,
    }),
    [tq.query, from, to],
  );
  const list = useApi<Page<AuditEntry>>("/api/v1/audit", query);

  const { formValues, onSearch } = useDateRangeFilterForm(tq);

  const columns: ColumnsType<AuditEntry> = [
    { title: t("audit.at"), dataIndex: "at", width: 180, render: formatDateTime },
    {
      title: t("audit.actor"),
      key: "actor",
      render: (_, e) => e.actorName ?? e.actorId ?? t("audit.systemActor"),
    },
    {
      title: t("audit.action"),
      dataIndex: "action",
      render: (action: string) => <AuditAction action={action} />,
    },
    { title: t("audit.entityType"), dataIndex: "entityType" },
    { title: t("audit.entityId"), key: "entityId", render: (_, e) => entityLink(e) },
  ];

  return (
    <PageContainer title={t("nav.audit")}>
      <SearchForm<AuditFilterValues> values={formValues} onSearch={onSearch} onReset={tq.resetFilters}>
        <FilterInput name="actor" width={180} placeholder={t("audit.actor")} testId="search-input" />
        <Form.Item name="entityType">
          <AutoComplete
            allowClear
            style={{ width: 160 }}
            placeholder={t("audit.entityType")}
            options={ENTITY_TYPES.map((value) => ({ value }))}
            data-testid="filter-entity-type"
          />
        </Form.Item>
        <Form.Item name="action">
          <AutoComplete
            allowClear
            style={{ width: 160 }}
            placeholder={t("audit.action")}
            options={ACTIONS.map((value) => ({ value }))}
            data-testid="filter-action"
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker data-testid="filter-date-range" />
        </Form.Item>
      </SearchForm>
      <PagedTable
        state={list}
        tq={tq}
        rowTestIdValue="audit-row"
        columns={columns}
        expandable={{
          expandedRowRender: (entry) => <JsonDiff before={entry.before} after={entry.after} />,
          rowExpandable: (entry) => entry.before != null || entry.after != null,
        }}
        scroll={{ x: 900 }}
      />
    </PageContainer>
  );
}

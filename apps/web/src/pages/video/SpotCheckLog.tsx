import { DatePicker, Form, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link } from "react-router-dom";
import type { Page } from "../../api/types";
import type { ApiState } from "../../api/useApi";
import { FilterSelect } from "../../components/FilterSelect";
import { PagedTable } from "../../components/PagedTable";
import { SearchForm } from "../../components/SearchForm";
import { type DateRangeFormValues, useDateRangeFilterForm } from "../../components/useFilterForm";
import type { TableQuery } from "../../components/useTableQuery";
import { useI18n } from "../../i18n/I18nProvider";
import { EMPTY, formatDateTime } from "../../utils/format";
import { ResultTag } from "./ResultTag";
import { SizedEnterpriseSelect } from "./SizedEnterpriseSelect";
import { attachmentUrl, type SpotCheck } from "./types";

export const CHECK_FILTER_KEYS = ["enterpriseId", "result", "from", "to"] as const;
type CheckFilterKey = (typeof CHECK_FILTER_KEYS)[number];
type CheckFilterValues = DateRangeFormValues<CheckFilterKey>;

/** A thumbnail of the screenshot, linking to the full image. */
function Thumbnail({ check }: { check: SpotCheck }) {
  if (!check.screenshot) return <>{EMPTY}</>;
  const url = attachmentUrl(check.screenshot.id);
  return (
    <a href={url} target="_blank" rel="noreferrer" data-testid="spot-check-screenshot">
      <img
        src={url}
        alt={check.screenshot.filename}
        width={64}
        height={40}
        style={{ objectFit: "cover", borderRadius: 4, border: "1px solid #f0f0f0" }}
      />
    </a>
  );
}

interface SpotCheckLogProps {
  tq: TableQuery<CheckFilterKey>;
  list: ApiState<Page<SpotCheck>>;
}

/** The spot-check log, newest first, filtered by enterprise, result and days. */
export function SpotCheckLog({ tq, list }: SpotCheckLogProps) {
  const { t } = useI18n();
  const { formValues, onSearch } = useDateRangeFilterForm(tq);

  const columns: ColumnsType<SpotCheck> = [
    { title: t("video.check.checkedAt"), dataIndex: "checkedAt", width: 170, render: formatDateTime },
    {
      title: t("video.camera.enterprise"),
      dataIndex: "enterpriseName",
      render: (name: string, c) => <Link to={`/console/enterprises/${c.enterpriseId}`}>{name}</Link>,
    },
    {
      title: t("video.check.camera"),
      key: "camera",
      render: (_, c) => (
        <>
          {c.cameraName}
          <Typography.Text type="secondary"> · {c.cameraLocation}</Typography.Text>
        </>
      ),
    },
    {
      title: t("video.check.result"),
      dataIndex: "result",
      width: 100,
      render: (_, c) => <ResultTag result={c.result} />,
    },
    {
      title: t("video.check.findings"),
      dataIndex: "findings",
      ellipsis: { showTitle: false },
      render: (findings: string) => (
        <Typography.Text ellipsis={{ tooltip: findings }} style={{ maxWidth: 320 }}>
          {findings}
        </Typography.Text>
      ),
    },
    { title: t("video.check.inspector"), dataIndex: "inspectorName", width: 120, render: (n) => n ?? EMPTY },
    {
      title: t("video.check.screenshot"),
      key: "screenshot",
      width: 100,
      render: (_, c) => <Thumbnail check={c} />,
    },
  ];

  return (
    <>
      <SearchForm<CheckFilterValues> values={formValues} onSearch={onSearch} onReset={tq.resetFilters}>
        <Form.Item name="enterpriseId">
          <SizedEnterpriseSelect />
        </Form.Item>
        <FilterSelect
          name="result"
          placeholder={t("video.check.result")}
          options={[
            { value: "ok", label: t("video.result.ok") },
            { value: "issue", label: t("video.result.issue") },
          ]}
          testId="filter-check-result"
        />
        <Form.Item name="range">
          <DatePicker.RangePicker data-testid="filter-check-dates" />
        </Form.Item>
      </SearchForm>
      <PagedTable
        state={list}
        tq={tq}
        rowTestIdValue="spot-check-row"
        columns={columns}
        locale={{ emptyText: t("video.check.empty") }}
        expandable={{
          expandedRowRender: (c) => (
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
              {c.findings}
            </Typography.Paragraph>
          ),
        }}
        scroll={{ x: 1000 }}
      />
    </>
  );
}

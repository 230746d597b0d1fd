import { AuditOutlined } from "@ant-design/icons";
import { App, Button, Empty, Form, Segmented, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { errorMessage } from "../../components/ErrorAlert";
import { FilterDate } from "../../components/FilterInput";
import { FilterSelect } from "../../components/FilterSelect";
import { PageContainer } from "../../components/PageContainer";
import { PagedTable } from "../../components/PagedTable";
import { SearchForm } from "../../components/SearchForm";
import { type FilterFormValues, useFilterForm } from "../../components/useFilterForm";
import { useTableQuery } from "../../components/useTableQuery";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, formatNumber } from "../../utils/format";
import { LotStatusTag, ModeTag, useProductCategories } from "./shared";
import type { Task } from "./types";

const FILTER_KEYS = ["mine", "productCategory", "enterpriseId", "shipFrom", "shipTo"] as const;
type FilterValues = FilterFormValues<(typeof FILTER_KEYS)[number]>;

/** The inspector's work list: lots awaiting inspection or re-inspection, soonest ship date first. */
export function TaskListPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const navigate = useNavigate();
  const tq = useTableQuery(FILTER_KEYS);
  const list = useApi<Page<Task>>("/api/v1/tasks", { ...tq.query, sort: undefined });
  const categories = useProductCategories();
  const [claiming, setClaiming] = useState<string | null>(null);
  const mine = tq.filters.mine === "true";

  const { formValues, hasFilters } = useFilterForm(tq);

  const claim = async (task: Task) => {
    setClaiming(task.id);
    try {
      await api(`/api/v1/lots/${task.id}/claim`, { method: "POST" });
      message.success(t("lots.tasks.claimed"));
      list.reload();
    } catch (err) {
      message.error(errorMessage(err, t));
      list.reload();
    } finally {
      setClaiming(null);
    }
  };

  const columns: ColumnsType<Task> = [
    {
      title: t("lots.field.shipDate"),
      dataIndex: "shipDate",
      width: 120,
      render: formatDate,
    },
    {
      title: t("lots.field.declarationNo"),
      dataIndex: "declarationNo",
      width: 190,
      render: (no: string, task) => <Link to={`/console/lots/${task.id}`}>{no}</Link>,
    },
    { title: t("lots.field.enterprise"), dataIndex: "enterpriseName", width: 220, ellipsis: true },
    {
      title: t("lots.field.productCategory"),
      dataIndex: "productCategory",
      width: 120,
      render: (code: string) => categories.nameOf(code),
    },
    {
      title: t("lots.field.lotSize"),
      dataIndex: "lotSize",
      width: 100,
      align: "right",
      render: (n: number) => formatNumber(n, locale),
    },
    {
      title: t("lots.field.class"),
      dataIndex: "enterpriseClass",
      width: 100,
      render: (c: Task["enterpriseClass"]) => t(`class.${c}`),
    },
    {
      title: t("lots.field.mode"),
      dataIndex: "mode",
      width: 110,
      render: (m: Task["mode"]) => <ModeTag mode={m} />,
    },
    {
      title: t("lots.inspection.stage"),
      dataIndex: "stage",
      width: 110,
      render: (s: Task["stage"]) => (
        <Tag
          color={s === "normal" ? "blue" : s === "tightened" ? "orange" : s === "reduced" ? "green" : "red"}
        >
          {t(`stage.${s}`)}
        </Tag>
      ),
    },
    {
      title: t("lots.field.status"),
      key: "status",
      width: 170,
      render: (_, task) => (
        <Space size={4}>
          <LotStatusTag status={task.status} />
          <Typography.Text type="secondary">
            {t("lots.tasks.nextRound", { round: task.nextRound })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t("lots.field.inspector"),
      dataIndex: "inspectorName",
      width: 120,
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">{t("lots.tasks.unassigned")}</Typography.Text>,
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 170,
      fixed: "right",
      render: (_, task) => {
        const mineTask = task.inspectorId === user?.id;
        const stopped = task.stage === "discontinued";
        return (
          <Space>
            {!mineTask ? (
              <Button
                size="small"
                loading={claiming === task.id}
                onClick={() => claim(task)}
                disabled={stopped}
                data-testid="claim-button"
              >
                {t("lots.tasks.claim")}
              </Button>
            ) : null}
            <Button
              size="small"
              type="primary"
              icon={<AuditOutlined />}
              disabled={stopped}
              onClick={() => navigate(`/console/lots/${task.id}/inspect`)}
              data-testid="inspect-button"
            >
              {t("lots.tasks.inspect")}
            </Button>
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer
      title={t("nav.tasks")}
      extra={
        <Segmented
          value={mine ? "mine" : "open"}
          onChange={(v) => tq.setFilters({ ...tq.filters, mine: v === "mine" ? "true" : undefined })}
          options={[
            { value: "open", label: t("lots.tasks.open") },
            { value: "mine", label: t("lots.tasks.mine") },
          ]}
          data-testid="task-scope"
        />
      }
    >
      <SearchForm<FilterValues>
        values={formValues}
        onSearch={(v) => tq.setFilters({ ...v, mine: tq.filters.mine || undefined })}
        onReset={tq.resetFilters}
      >
        <FilterSelect
          name="productCategory"
          placeholder={t("lots.field.productCategory")}
          options={categories.options}
          testId="filter-category"
        />
        <Form.Item name="enterpriseId" style={{ minWidth: 260 }}>
          <EnterpriseSelect />
        </Form.Item>
        <FilterDate name="shipFrom" label={t("lots.tasks.shipFrom")} testId="filter-ship-from" />
        <FilterDate name="shipTo" label={t("lots.tasks.shipTo")} testId="filter-ship-to" />
      </SearchForm>
      <PagedTable
        state={list}
        tq={tq}
        rowTestIdValue="task-row"
        columns={columns}
        scroll={{ x: 1600 }}
        locale={{
          emptyText: (
            <Empty
              description={hasFilters ? t("lots.empty.filtered") : t("lots.tasks.empty")}
              data-testid="empty-state"
            />
          ),
        }}
      />
    </PageContainer>
  );
}

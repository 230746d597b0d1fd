import { PlusOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Col,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import { type ApiState, useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { ErrorAlert, errorMessage } from "../../components/ErrorAlert";
import { type Translate, useI18n } from "../../i18n/I18nProvider";
import { formatDateTime, text } from "../../utils/format";
import { rowTestId } from "../../utils/testid";
import { type EntryDraft, ListEntryModal } from "./ListEntryModal";
import { ReasonModal } from "./ReasonModal";
import type { ListEntry, ListEntryStatus, ListKind, ListSuggestion } from "./types";
import { useLocalPaging } from "./useLocalPaging";

const BASE = "/api/v1/public-lists";
const STATUS_COLORS: Record<ListEntryStatus, string> = {
  draft: "gold",
  published: "green",
  withdrawn: "default",
};
const LIST_COLORS: Record<ListKind, string> = { good: "green", bad: "red" };

/** 公示名单: drafts and published entries of 宣传一批 / 通报一批, suggestions, review and withdrawal. */
export function PublicListsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const paging = useLocalPaging();
  const [list, setList] = useState<ListKind | undefined>();
  const [status, setStatus] = useState<ListEntryStatus | undefined>();
  const [period, setPeriod] = useState("");
  const [editing, setEditing] = useState<EntryDraft | null>(null);
  const [withdrawing, setWithdrawing] = useState<ListEntry | null>(null);
  const entries = useApi<Page<ListEntry>>(BASE, {
    list,
    status,
    period: period.trim() || undefined,
    page: paging.page,
    pageSize: paging.pageSize,
  });
  const suggestions = useApi<{ good: ListSuggestion[]; bad: ListSuggestion[] }>(`${BASE}/suggestions`);

  const reload = () => {
    entries.reload();
    suggestions.reload();
  };

  const publish = async (entry: ListEntry) => {
    try {
      await api(`${BASE}/${encodeURIComponent(entry.id)}/publish`, { method: "POST" });
      message.success(t("privileges.lists.published", { name: entry.enterpriseName }));
      reload();
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  const columns: ColumnsType<ListEntry> = [
    {
      title: t("privileges.lists.list"),
      dataIndex: "list",
      render: (l: ListKind) => <Tag color={LIST_COLORS[l]}>{t(`privileges.lists.kind.${l}`)}</Tag>,
    },
    { title: t("privileges.column.enterprise"), dataIndex: "enterpriseName" },
    {
      title: t("privileges.lists.entryTitle"),
      key: "title",
      render: (_, e) => (
        <>
          <div>{e.title}</div>
          <Typography.Text type="secondary" ellipsis={{ tooltip: e.reason }} style={{ maxWidth: 320 }}>
            {e.reason}
          </Typography.Text>
        </>
      ),
    },
    { title: t("privileges.lists.period"), dataIndex: "period" },
    {
      title: t("privileges.column.status"),
      key: "status",
      render: (_, e) => (
        <Tooltip title={e.status === "withdrawn" ? e.withdrawnReason : undefined}>
          <Tag color={STATUS_COLORS[e.status]} data-testid="public-list-status" data-status={e.status}>
            {t(`privileges.lists.status.${e.status}`)}
          </Tag>
        </Tooltip>
      ),
    },
    { title: t("privileges.lists.drafter"), dataIndex: "createdByName", render: text },
    {
      title: t("privileges.lists.publishedAt"),
      key: "publishedAt",
      render: (_, e) =>
        e.publishedAt ? `${formatDateTime(e.publishedAt)} · ${text(e.publishedByName)}` : text(null),
    },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_, e) => {
        if (e.status === "published")
          return (
            <Button
              type="link"
              size="small"
              danger
              onClick={() => setWithdrawing(e)}
              data-testid="public-list-withdraw"
            >
              {t("privileges.lists.withdraw")}
            </Button>
          );
        if (e.status !== "draft") return null;
        // The review step: whoever drafted an entry does not publish it.
        const ownDraft = e.createdBy !== null && e.createdBy === user?.id;
        return (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setEditing(e)} data-testid="public-list-edit">
              {t("common.edit")}
            </Button>
            <Popconfirm
              title={t("privileges.lists.publishConfirm", { name: e.enterpriseName })}
              description={t("privileges.lists.publishConfirmHint")}
              onConfirm={() => publish(e)}
              disabled={ownDraft}
            >
              <Tooltip title={ownDraft ? t("privileges.lists.ownDraft") : undefined}>
                <Button type="link" size="small" disabled={ownDraft} data-testid="public-list-publish">
                  {t("privileges.lists.publish")}
                </Button>
              </Tooltip>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <SuggestionsCard
        state={suggestions}
        onDraft={(kind, s) =>
          setEditing({
            list: kind,
            enterpriseId: s.enterpriseId,
            enterpriseName: s.enterpriseName,
            title: t(kind === "good" ? "privileges.lists.goodTitle" : "privileges.lists.badTitle"),
            reason: suggestionReason(s, t),
            period: currentQuarter(t),
          })
        }
      />
      <Card
        title={t("privileges.lists.entries")}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ list: "good", period: currentQuarter(t) })}
            data-testid="public-list-create"
          >
            {t("privileges.lists.create")}
          </Button>
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t("privileges.lists.list")}
            value={list}
            onChange={(v) => {
              setList(v);
              paging.firstPage();
            }}
            options={(["good", "bad"] as const).map((k) => ({
              value: k,
              label: t(`privileges.lists.kind.${k}`),
            }))}
            data-testid="public-list-filter-list"
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t("privileges.column.status")}
            value={status}
            onChange={(v) => {
              setStatus(v);
              paging.firstPage();
            }}
            options={(["draft", "published", "withdrawn"] as const).map((s) => ({
              value: s,
              label: t(`privileges.lists.status.${s}`),
            }))}
            data-testid="public-list-filter-status"
          />
          <Input.Search
            allowClear
            style={{ width: 220 }}
            placeholder={t("privileges.lists.periodPlaceholder")}
            onSearch={(v) => {
              setPeriod(v);
              paging.firstPage();
            }}
            data-testid="public-list-filter-period"
          />
        </Space>
        <ErrorAlert error={entries.error} onRetry={entries.reload} />
        <Table<ListEntry>
          rowKey="id"
          loading={entries.loading}
          columns={columns}
          dataSource={entries.data?.items ?? []}
          pagination={paging.pagination(entries.data?.total)}
          onRow={rowTestId("public-list-entry-row")}
          locale={{ emptyText: t("privileges.lists.empty") }}
          scroll={{ x: 1100 }}
        />
      </Card>
      <ListEntryModal
        draft={editing}
        onClose={() => setEditing(null)}
        onSaved={(entry, created) => {
          setEditing(null);
          message.success(
            t(created ? "privileges.lists.drafted" : "common.saved", { name: entry.enterpriseName }),
          );
          reload();
        }}
      />
      <ReasonModal
        open={withdrawing !== null}
        title={t("privileges.lists.withdrawTitle", { name: withdrawing?.enterpriseName ?? "" })}
        description={t("privileges.lists.withdrawConfirm")}
        label={t("privileges.lists.withdrawReason")}
        okText={t("privileges.lists.withdraw")}
        danger
        testIdPrefix="public-list-withdraw"
        onClose={() => setWithdrawing(null)}
        onSubmit={async (reason) => {
          if (!withdrawing) return;
          await api(`${BASE}/${encodeURIComponent(withdrawing.id)}/withdraw`, {
            method: "POST",
            body: { reason },
          });
          message.success(t("privileges.lists.withdrawn", { name: withdrawing.enterpriseName }));
          setWithdrawing(null);
          reload();
        }}
      />
    </>
  );
}

/** e.g. 2026年第3季度 / 2026 Q3: the period the lists are usually published for. */
function currentQuarter(t: Translate): string {
  const now = new Date();
  return t("privileges.lists.quarter", {
    year: now.getFullYear(),
    quarter: Math.floor(now.getMonth() / 3) + 1,
  });
}

function suggestionReason(s: ListSuggestion, t: Translate): string {
  return s.reasons
    .map((r) =>
      t(`privileges.lists.reason.${r}`, {
        inspected: s.inspected,
        rejected: s.rejected,
      }),
    )
    .join("；");
}

function SuggestionsCard({
  state,
  onDraft,
}: {
  state: ApiState<{ good: ListSuggestion[]; bad: ListSuggestion[] }>;
  onDraft: (list: ListKind, s: ListSuggestion) => void;
}) {
  const { t } = useI18n();
  const columns = (kind: ListKind): ColumnsType<ListSuggestion> => [
    { title: t("privileges.column.enterprise"), dataIndex: "enterpriseName" },
    {
      title: t("privileges.column.class"),
      dataIndex: "class",
      render: (c: ListSuggestion["class"]) => t(`class.${c}`),
    },
    {
      title: t("privileges.lists.why"),
      key: "why",
      render: (_, s) => suggestionReason(s, t),
    },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_, s) =>
        s.listed ? (
          <Tag>{t(`privileges.lists.status.${s.listed}`)}</Tag>
        ) : (
          <Button
            type="link"
            size="small"
            onClick={() => onDraft(kind, s)}
            data-testid="public-list-suggestion-draft"
          >
            {t("privileges.lists.draftThis")}
          </Button>
        ),
    },
  ];
  return (
    <Card title={t("privileges.lists.suggestions")} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t("privileges.lists.suggestionsIntro")}</Typography.Paragraph>
      <ErrorAlert error={state.error} onRetry={state.reload} />
      <Row gutter={16}>
        {(["good", "bad"] as const).map((kind) => (
          <Col xs={24} xl={12} key={kind}>
            <Typography.Title level={5}>{t(`privileges.lists.kind.${kind}`)}</Typography.Title>
            <Table<ListSuggestion>
              size="small"
              rowKey="enterpriseId"
              loading={state.loading}
              columns={columns(kind)}
              dataSource={state.data?.[kind] ?? []}
              pagination={{ pageSize: 5, hideOnSinglePage: true }}
              onRow={rowTestId(`public-list-suggestion-${kind}`)}
              locale={{ emptyText: t("privileges.lists.noSuggestions") }}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

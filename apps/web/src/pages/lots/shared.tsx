import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Descriptions, Empty, Table, Tag, Typography, Upload } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useMemo, useState } from "react";
import { api } from "../../api/client";
import type { ItemList } from "../../api/types";
import { errorMessage } from "../../components/ErrorAlert";
import { isMessageKey, type Translate, useI18n } from "../../i18n/I18nProvider";
import { formatDateTime, text } from "../../utils/format";
import { rowTestId } from "../../utils/testid";
import type {
  Attachment,
  ClassPlans,
  DecisionReason,
  DefectClass,
  Lot,
  LotStatus,
  SupervisionMode,
  SwitchingStateView,
} from "./types";
import { DEFECT_CLASSES } from "./types";

// Pieces the lots pages share: product categories, tags, the decision and its reason, plans, files.

// ── Product categories (GET /api/v1/product-categories, owned by classification) ─────────────────────────────

export interface CategoryOption {
  code: string;
  nameZh: string;
  nameEn: string;
  hsPrefixes: string[];
}

let categoriesCache: Promise<CategoryOption[]> | null = null;

function loadCategories(): Promise<CategoryOption[]> {
  categoriesCache ??= api<ItemList<CategoryOption>>("/api/v1/product-categories").then(
    (r) => r.items,
    (error: unknown) => {
      categoriesCache = null;
      throw error;
    },
  );
  return categoriesCache;
}

/** The categories, once per page load; when the list cannot be loaded, `failed` is set and codes show as they are. */
export function useProductCategories() {
  const { locale } = useI18n();
  const [items, setItems] = useState<CategoryOption[]>([]);
  const [failed, setFailed] = useState(false);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let active = true;
    loadCategories().then(
      (list) => {
        if (!active) return;
        setItems(list);
        setLoading(false);
      },
      () => {
        if (!active) return;
        setFailed(true);
        setLoading(false);
      },
    );
    return () => {
      active = false;
    };
  }, []);
  return useMemo(() => {
    const nameOf = (code: string) => {
      const c = items.find((i) => i.code === code);
      return c ? (locale === "zh-CN" ? c.nameZh : c.nameEn) : code;
    };
    return {
      items,
      failed,
      loading,
      nameOf,
      options: items.map((c) => ({ value: c.code, label: nameOf(c.code) })),
    };
  }, [items, failed, loading, locale]);
}

// ── Tags ──────────────────────────────────────────────────────────────────────────────────────────────────────

const STATUS_COLOURS: Record<LotStatus, string> = {
  released: "green",
  awaiting_inspection: "gold",
  accepted: "success",
  rework: "red",
  withdrawn: "default",
};

export function LotStatusTag({ status }: { status: LotStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="lot-status" data-status={status}>
      {t(`lotStatus.${status}`)}
    </Tag>
  );
}

const MODE_COLOURS: Record<SupervisionMode, string> = {
  verification: "green",
  general: "blue",
  stringent: "orange",
  special: "red",
};

export function ModeTag({ mode }: { mode: SupervisionMode }) {
  const { t } = useI18n();
  return <Tag color={MODE_COLOURS[mode]}>{t(`mode.${mode}`)}</Tag>;
}

export function ResultTag({ result }: { result: "accepted" | "rejected" | null }) {
  const { t } = useI18n();
  if (!result) return <>{text(null)}</>;
  return <Tag color={result === "accepted" ? "success" : "error"}>{t(`lots.result.${result}`)}</Tag>;
}

// ── Reasons ───────────────────────────────────────────────────────────────────────────────────────────────────

/** The decision's reason in the reader's language (the server's English text when the key is unknown). */
export function reasonText(reason: DecisionReason, t: Translate): string {
  if (!isMessageKey(reason.key)) return reason.text;
  const p = reason.params;
  const vars: Record<string, string | number> = { ...p };
  const klass = `class.${p.class}`;
  const risk = `risk.${p.risk}`;
  const mode = `mode.${p.mode}`;
  if (isMessageKey(klass)) vars.class = t(klass);
  if (isMessageKey(risk)) vars.risk = t(risk);
  if (isMessageKey(mode)) vars.mode = t(mode);
  return t(reason.key, vars);
}

/** A switching transition's reason ("aql.switching.normalToTightened" + params) in the reader's language. */
export function switchingReasonText(
  reasonKey: string,
  params: Record<string, unknown>,
  fallback: string,
  t: Translate,
): string {
  const key = `lots.switching.reason.${reasonKey.replace(/^aql\.switching\./, "")}`;
  if (!isMessageKey(key)) return fallback;
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params))
    if (typeof v === "string" || typeof v === "number") vars[k] = v;
  return t(key, vars);
}

// ── The decision ──────────────────────────────────────────────────────────────────────────────────────────────

/** The decision taken at declaration: release or inspect, with the reason and the draw that anyone can recompute. */
export function DecisionPanel({ lot }: { lot: Lot }) {
  const { t } = useI18n();
  const released = lot.decision === "release";
  return (
    <>
      <Alert
        type={released ? "success" : "warning"}
        showIcon
        title={
          <span data-testid="lot-decision" data-decision={lot.decision}>
            {t(released ? "lots.decision.releaseTitle" : "lots.decision.inspectTitle")}
          </span>
        }
        description={<span data-testid="lot-decision-reason">{reasonText(lot.decisionReason, t)}</span>}
        style={{ marginBottom: 16 }}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
        <Descriptions.Item label={t("lots.field.class")}>
          {t(`class.${lot.enterpriseClass}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t("lots.field.risk")}>{t(`risk.${lot.productRisk}`)}</Descriptions.Item>
        <Descriptions.Item label={t("lots.field.mode")}>
          <ModeTag mode={lot.mode} />
        </Descriptions.Item>
        {lot.draw ? (
          <Descriptions.Item label={t("lots.draw.title")} span={3}>
            <Typography.Text code>
              {t("lots.draw.seed")} {lot.draw.seed} · {t("lots.draw.value")} {lot.draw.value.toFixed(4)} ·{" "}
              {t("lots.draw.share")} {lot.samplingShare.toFixed(2)} · {t("lots.draw.hash")} {lot.draw.hash}
            </Typography.Text>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t("lots.field.releaseNo")}>
          <span data-testid="release-no">{text(lot.releaseNo)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("lots.detail.ruleSet")}>{lot.ruleSetVersion}</Descriptions.Item>
        <Descriptions.Item label={t("lots.detail.feeWaived")}>
          {lot.feeWaived || text(null)}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}

// ── Plans ─────────────────────────────────────────────────────────────────────────────────────────────────────

interface PlanRow {
  id: DefectClass;
  aql: string;
  n: number;
  accept: number;
  reject: number;
  zero: boolean;
  found?: number;
}

/** One row per defect class: AQL, n, Ac/Re and, when counts are given, what was found and the class's result. */
export function PlanTable({
  plans,
  found,
  testIdPrefix = "plan",
}: {
  plans: ClassPlans;
  found?: Record<DefectClass, number>;
  testIdPrefix?: string;
}) {
  const { t } = useI18n();
  const rows: PlanRow[] = DEFECT_CLASSES.map((c) => ({
    id: c,
    aql: plans[c].aql,
    n: plans[c].sampleSize,
    accept: plans[c].accept,
    reject: plans[c].reject,
    zero: plans[c].zeroAcceptance,
    found: found?.[c],
  }));
  const columns: ColumnsType<PlanRow> = [
    { title: t("lots.plan.class"), dataIndex: "id", render: (c: DefectClass) => t(`defectClass.${c}`) },
    {
      title: t("lots.plan.aql"),
      dataIndex: "aql",
      render: (aql: string, r) => (r.zero ? `${t("lots.plan.notAllowed")}` : aql),
    },
    { title: t("lots.plan.n"), dataIndex: "n", align: "right" },
    {
      title: t("lots.plan.acre"),
      key: "acre",
      align: "center",
      render: (_, r) => (
        <span data-testid={`${testIdPrefix}-acre-${r.id}`}>
          {r.accept} / {r.reject}
        </span>
      ),
    },
  ];
  if (found)
    columns.push(
      {
        title: t("lots.plan.found"),
        dataIndex: "found",
        align: "right",
        render: (n: number, r) => <span data-testid={`${testIdPrefix}-found-${r.id}`}>{n}</span>,
      },
      {
        title: t("lots.plan.result"),
        key: "result",
        render: (_, r) => <ResultTag result={(r.found ?? 0) <= r.accept ? "accepted" : "rejected"} />,
      },
    );
  return <Table<PlanRow> rowKey="id" size="small" pagination={false} columns={columns} dataSource={rows} />;
}

/** accepted when every class is within its Ac. */
export function verdictOf(plans: ClassPlans, found: Record<DefectClass, number>): "accepted" | "rejected" {
  return DEFECT_CLASSES.every((c) => found[c] <= plans[c].accept) ? "accepted" : "rejected";
}

// ── Switching ─────────────────────────────────────────────────────────────────────────────────────────────────

export function SwitchingSummary({ switching }: { switching: SwitchingStateView }) {
  const { t } = useI18n();
  const s = switching.state;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
      <Descriptions.Item label={t("lots.inspection.stage")}>
        <Tag
          color={
            { normal: "blue", tightened: "orange", reduced: "green", discontinued: "red" }[switching.stage]
          }
          data-testid="switching-stage"
        >
          {t(`stage.${switching.stage}`)}
        </Tag>
        {switching.recorded ? null : (
          <Typography.Text type="secondary">{t("lots.switching.notRecorded")}</Typography.Text>
        )}
      </Descriptions.Item>
      {switching.stage === "normal" ? (
        <>
          <Descriptions.Item label={t("lots.switching.score")}>{s.switchingScore}</Descriptions.Item>
          <Descriptions.Item label={t("lots.switching.recent")} span={2}>
            {s.recentNormalResults.length === 0
              ? text(null)
              : s.recentNormalResults.map((ok, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed window of results, in order
                  <Tag key={i} color={ok ? "success" : "error"}>
                    {t(ok ? "lots.result.accepted" : "lots.result.rejected")}
                  </Tag>
                ))}
          </Descriptions.Item>
        </>
      ) : null}
      {switching.stage === "tightened" ? (
        <>
          <Descriptions.Item label={t("lots.switching.tightenedAccepted")}>
            {s.consecutiveAcceptedOnTightened}
          </Descriptions.Item>
          <Descriptions.Item label={t("lots.switching.tightenedRejected")}>
            {s.notAcceptedOnTightened}
          </Descriptions.Item>
        </>
      ) : null}
    </Descriptions>
  );
}

export function SwitchingEvents({ switching }: { switching: SwitchingStateView }) {
  const { t } = useI18n();
  if (switching.events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("lots.switching.noEvents")} />;
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={switching.events}
      columns={[
        {
          title: t("lots.attachment.uploadedAt"),
          dataIndex: "createdAt",
          width: 170,
          render: formatDateTime,
        },
        { title: t("lots.field.declarationNo"), dataIndex: "declarationNo", width: 180, render: text },
        {
          title: t("lots.inspection.stage"),
          key: "stages",
          width: 200,
          render: (_, e) => `${t(`stage.${e.fromStage}`)} → ${t(`stage.${e.toStage}`)}`,
        },
        {
          title: t("lots.switching.reason"),
          key: "reason",
          render: (_, e) => switchingReasonText(e.reasonKey, e.reasonParams, e.reason, t),
        },
      ]}
    />
  );
}

// ── Files ─────────────────────────────────────────────────────────────────────────────────────────────────────

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Uploads one file (≤ 5 MB) to a lot, or to one of its inspections. */
export function AttachmentUpload({
  lotId,
  inspectionId,
  label,
  accept = "image/*,application/pdf,.xlsx",
  onUploaded,
  testId = "attachment-upload",
}: {
  lotId: string;
  inspectionId?: string;
  label: string;
  accept?: string;
  onUploaded: (a: Attachment) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept={accept}
      showUploadList={false}
      beforeUpload={(file) => {
        if (file.size > MAX_UPLOAD_BYTES) {
          message.error(t("lots.upload.tooLarge"));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={async ({ file, onSuccess, onError }) => {
        const form = new FormData();
        if (inspectionId) form.append("inspectionId", inspectionId);
        form.append("file", file as Blob);
        setBusy(true);
        try {
          const stored = await api<Attachment>(`/api/v1/lots/${lotId}/attachments`, {
            method: "POST",
            body: form,
          });
          message.success(t("lots.upload.done", { name: stored.filename }));
          onUploaded(stored);
          onSuccess?.(stored);
        } catch (err) {
          message.error(errorMessage(err, t));
          onError?.(err as Error);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} data-testid={testId}>
        {label}
      </Button>
    </Upload>
  );
}

export function AttachmentList({ items }: { items: Attachment[] }) {
  const { t } = useI18n();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("lots.detail.noAttachments")} />;
  return (
    <Table<Attachment>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      onRow={rowTestId("attachment-row")}
      columns={[
        {
          title: t("lots.attachment.name"),
          dataIndex: "filename",
          render: (name: string, a) => (
            <a href={`/api/v1/attachments/${a.id}`} target="_blank" rel="noreferrer">
              <PaperClipOutlined /> {name}
            </a>
          ),
        },
        {
          title: t("lots.attachment.owner"),
          dataIndex: "ownerType",
          width: 100,
          render: (o: Attachment["ownerType"]) => t(`lots.attachment.owner.${o}`),
        },
        {
          title: t("lots.attachment.size"),
          dataIndex: "sizeBytes",
          width: 100,
          align: "right",
          render: formatBytes,
        },
        { title: t("lots.attachment.uploadedBy"), dataIndex: "uploadedByName", width: 140, render: text },
        {
          title: t("lots.attachment.uploadedAt"),
          dataIndex: "createdAt",
          width: 170,
          render: formatDateTime,
        },
      ]}
    />
  );
}

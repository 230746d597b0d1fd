import { Tag, Timeline, Typography } from "antd";
import { type ReactNode, useMemo } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../../api/useApi";
import { isMessageKey, type MessageKey, useI18n } from "../../i18n/I18nProvider";
import { formatDateTime } from "../../utils/format";
import type { CaseStatus, Category, Department, Rating } from "./types";

const STATUS_COLOURS: Record<CaseStatus, string> = {
  new: "blue",
  acknowledged: "cyan",
  inProgress: "processing",
  answered: "gold",
  closed: "green",
  notResponsible: "default",
  duplicate: "default",
  withdrawn: "default",
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="case-status" data-status={status}>
      {t(`cases.status.${status}` as MessageKey)}
    </Tag>
  );
}

export function RatingTag({ rating }: { rating: Rating | null }) {
  const { t } = useI18n();
  if (!rating) return null;
  const colour = rating === "notSatisfied" ? "red" : rating === "basically" ? "gold" : "green";
  return (
    <Tag color={colour} data-testid="case-rating">
      {t(`cases.rating.${rating}` as MessageKey)}
    </Tag>
  );
}

/** The categories (public endpoint) with a name in the current language. */
export function useCategories(all = false) {
  const { locale } = useI18n();
  const state = useApi<{ items: Category[] }>("/api/v1/case-categories", all ? { all: true } : undefined);
  const nameOf = useMemo(() => {
    const map = new Map(
      (state.data?.items ?? []).map((c) => [c.code, locale === "zh-CN" ? c.nameZh : c.nameEn]),
    );
    return (code: string) => map.get(code) ?? code;
  }, [state.data, locale]);
  const options = useMemo(
    () =>
      (state.data?.items ?? [])
        .filter((c) => c.active)
        .map((c) => ({ value: c.code, label: locale === "zh-CN" ? c.nameZh : c.nameEn })),
    [state.data, locale],
  );
  return { ...state, nameOf, options };
}

export function useDepartments(enabled = true) {
  const { locale } = useI18n();
  const state = useApi<{ items: Department[] }>(enabled ? "/api/v1/departments" : null);
  const options = useMemo(
    () =>
      (state.data?.items ?? [])
        .filter((d) => d.active)
        .map((d) => ({ value: d.id, label: locale === "zh-CN" ? d.nameZh : d.nameEn })),
    [state.data, locale],
  );
  return { ...state, options };
}

export interface TimelineItem {
  key: string | number;
  at: string;
  type: string;
  internal?: boolean;
  actorName?: string;
  toStatus: string | null;
  departmentName: string | null;
  text: string | null;
  rating: string | null;
}

/** Events whose text lists tracking numbers of linked cases (a split and its parts). */
const LINKING_EVENTS = new Set(["split", "splitFrom"]);
const TRACKING_IN_TEXT = /(PH\d{6}-[0-9A-Z]{5}-[0-9A-Z]{6})/;

/** The text with each tracking number as a link (`linkTo` says where); everything else stays text. */
function linkedText(text: string, linkTo: (trackingNumber: string) => string): ReactNode {
  // split() with a capturing group alternates text and numbers; plain strings need no key.
  return text.split(TRACKING_IN_TEXT).map((piece) =>
    TRACKING_IN_TEXT.test(piece) ? (
      <Link key={piece} to={linkTo(piece)} data-testid="timeline-case-link">
        {piece}
      </Link>
    ) : (
      piece
    ),
  );
}

/**
 * A case's timeline; text is rendered as text (React escapes it), never as HTML. `linkTo` turns the tracking
 * numbers a split names into links (the console's case search, or the public tracking page).
 */
export function CaseTimeline({
  items,
  linkTo,
}: {
  items: TimelineItem[];
  linkTo?: (trackingNumber: string) => string;
}) {
  const { t } = useI18n();
  const label = (type: string) => {
    const key = `cases.event.${type}`;
    return isMessageKey(key) ? t(key) : type;
  };
  return (
    <Timeline
      data-testid="case-timeline"
      items={items.map((e) => ({
        key: e.key,
        color: e.internal ? "gray" : e.type === "answer" ? "green" : "blue",
        content: (
          <div data-testid={e.internal ? "timeline-internal" : "timeline-event"} data-type={e.type}>
            <Typography.Text strong>{label(e.type)}</Typography.Text>{" "}
            {e.internal ? <Tag>{t("cases.detail.internal")}</Tag> : null}
            {e.toStatus && e.type !== "note" ? (
              <Tag>{t(`cases.status.${e.toStatus}` as MessageKey)}</Tag>
            ) : null}
            {e.departmentName ? <Tag color="purple">{e.departmentName}</Tag> : null}
            {e.rating ? <Tag>{t(`cases.rating.${e.rating}` as MessageKey)}</Tag> : null}
            <Typography.Text type="secondary">
              {" "}
              {formatDateTime(e.at)}
              {e.actorName ? ` · ${e.actorName}` : ""}
            </Typography.Text>
            {e.text ? (
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: "4px 0 0" }}>
                {linkTo && LINKING_EVENTS.has(e.type) ? linkedText(e.text, linkTo) : e.text}
              </Typography.Paragraph>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A tracking number for reading aloud or copying down: `PH250210-7K3M9-QX2WDT` (packages/rules
 * formatTrackingNumber). Lookups and the case search read it leniently, hyphens or not.
 */
export function displayTrackingNumber(n: string): string {
  return /^PH\d{6}[0-9A-Z]{11}$/.test(n) ? `${n.slice(0, 8)}-${n.slice(8, 13)}-${n.slice(13)}` : n;
}

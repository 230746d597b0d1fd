import { Table, Typography } from "antd";
import { useI18n } from "../i18n/I18nProvider";
import { EMPTY } from "../utils/format";
import { fieldLabel } from "./fieldLabel";

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Top-level fields whose value differs between two snapshots (either may be null: create / delete). */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) return same(before, after) ? [] : [{ field: "", before, after }];
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys.filter((k) => !same(b?.[k], a?.[k])).map((k) => ({ field: k, before: b?.[k], after: a?.[k] }));
}

/** Compact JSON without null properties: one line per list item reads better than pretty-printing. */
function compact(value: unknown): string {
  return typeof value === "string"
    ? value
    : JSON.stringify(value, (_key, v: unknown) => (v === null ? undefined : v));
}

function Value({ value, type }: { value: unknown; type: "danger" | "success" }) {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) {
    return <Typography.Text type="secondary">{EMPTY}</Typography.Text>;
  }
  if (typeof value === "object") {
    const lines = Array.isArray(value) ? value.map(compact) : [JSON.stringify(value, null, 2)];
    return (
      <pre className="json-value" data-diff={type}>
        {lines.join("\n")}
      </pre>
    );
  }
  return <Typography.Text type={type}>{String(value)}</Typography.Text>;
}

/** before → after table of the changed fields of an audit entry. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const changes = diffFields(before, after);
  if (changes.length === 0) return <Typography.Text type="secondary">{t("diff.noChanges")}</Typography.Text>;
  return (
    <Table<FieldChange>
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={changes}
      data-testid="json-diff"
      columns={[
        {
          title: t("diff.field"),
          dataIndex: "field",
          width: 180,
          render: (field: string) => (field ? fieldLabel(field, t) : EMPTY),
        },
        {
          title: t("diff.before"),
          dataIndex: "before",
          render: (v: unknown) => <Value value={v} type="danger" />,
        },
        {
          title: t("diff.after"),
          dataIndex: "after",
          render: (v: unknown) => <Value value={v} type="success" />,
        },
      ]}
    />
  );
}

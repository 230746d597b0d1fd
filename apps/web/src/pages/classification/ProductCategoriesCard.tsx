import { App, Button, Card, Select, Table, Tag } from "antd";
import { useEffect, useState } from "react";
import { ApiError, api } from "../../api/client";
import { useApi } from "../../api/useApi";
import { ErrorAlert, errorMessage } from "../../components/ErrorAlert";
import { type MessageKey, useI18n } from "../../i18n/I18nProvider";
import { AQL_SERIES, INSPECTION_LEVELS, type ProductCategory, RISKS } from "./types";

type Editable = Pick<ProductCategory, "risk" | "inspectionLevel" | "aqlCritical" | "aqlMajor" | "aqlMinor">;
const FIELDS: (keyof Editable)[] = ["risk", "inspectionLevel", "aqlCritical", "aqlMajor", "aqlMinor"];

/** "Not allowed" stands for a null critical AQL in the select (a select value cannot be null). */
const NOT_ALLOWED = "none";

const aqlOptions = AQL_SERIES.map((a) => ({ value: a, label: String(a) }));

/** Product categories' risk grade and inspection defaults, edited row by row (admin, regulator). */
export function ProductCategoriesCard({ editable }: { editable: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const state = useApi<{ items: ProductCategory[] }>("/api/v1/product-categories");
  const [edits, setEdits] = useState<Record<string, Partial<Editable>>>({});
  const [saving, setSaving] = useState<string | null>(null);

  useEffect(() => {
    if (state.data) setEdits({});
  }, [state.data]);

  const current = <K extends keyof Editable>(c: ProductCategory, k: K): Editable[K] =>
    (edits[c.code]?.[k] ?? c[k]) as Editable[K];
  const edit = (code: string, patch: Partial<Editable>) =>
    setEdits((e) => ({ ...e, [code]: { ...e[code], ...patch } }));
  const changes = (c: ProductCategory): Partial<Editable> => {
    const e = edits[c.code] ?? {};
    return Object.fromEntries(FIELDS.filter((k) => k in e && e[k] !== c[k]).map((k) => [k, e[k]]));
  };

  const save = async (c: ProductCategory) => {
    setSaving(c.code);
    const name = locale === "zh-CN" ? c.nameZh : c.nameEn;
    try {
      const saved = await api<ProductCategory>(`/api/v1/product-categories/${c.code}`, {
        method: "PATCH",
        body: changes(c),
      });
      state.setData({ items: (state.data?.items ?? []).map((x) => (x.code === c.code ? saved : x)) });
      message.success(t("rules.category.saved", { name }));
    } catch (err) {
      const fields =
        err instanceof ApiError ? err.fields.map((f) => `${f.field}: ${f.message}`).join("；") : "";
      message.error(fields ? `${errorMessage(err, t)}（${fields}）` : errorMessage(err, t));
    } finally {
      setSaving(null);
    }
  };

  const aqlSelect = (c: ProductCategory, k: "aqlMajor" | "aqlMinor") => (
    <Select
      style={{ width: 90 }}
      disabled={!editable}
      value={current(c, k)}
      options={aqlOptions}
      onChange={(v: number) => edit(c.code, { [k]: v })}
      data-testid={`category-${k}-${c.code}`}
    />
  );

  return (
    <Card title={t("rules.categories")} size="small">
      <ErrorAlert error={state.error} onRetry={state.reload} />
      <Table<ProductCategory>
        size="small"
        pagination={false}
        rowKey="code"
        loading={state.loading}
        dataSource={state.data?.items ?? []}
        scroll={{ x: 1000 }}
        onRow={(c) => ({ "data-testid": "category-row", "data-code": c.code }) as object}
        columns={[
          { title: t("rules.category.code"), dataIndex: "code", width: 110 },
          {
            title: t("rules.category.name"),
            key: "name",
            render: (_, c) => (locale === "zh-CN" ? c.nameZh : c.nameEn),
          },
          {
            title: t("rules.category.hs"),
            dataIndex: "hsPrefixes",
            render: (p: string[]) => p.map((x) => <Tag key={x}>{x}</Tag>),
          },
          {
            title: t("rules.category.risk"),
            key: "risk",
            width: 120,
            render: (_, c) => (
              <Select
                style={{ width: 104 }}
                disabled={!editable}
                value={current(c, "risk")}
                options={RISKS.map((r) => ({ value: r, label: t(`risk.${r}` as MessageKey) }))}
                onChange={(risk) => edit(c.code, { risk })}
                data-testid={`category-risk-${c.code}`}
              />
            ),
          },
          {
            title: t("rules.category.level"),
            key: "inspectionLevel",
            width: 100,
            render: (_, c) => (
              <Select
                style={{ width: 80 }}
                disabled={!editable}
                value={current(c, "inspectionLevel")}
                options={INSPECTION_LEVELS.map((l) => ({ value: l, label: l }))}
                onChange={(inspectionLevel: string) => edit(c.code, { inspectionLevel })}
              />
            ),
          },
          {
            title: t("rules.category.aqlCritical"),
            key: "aqlCritical",
            width: 150,
            render: (_, c) => (
              <Select<number | string>
                style={{ width: 140 }}
                disabled={!editable}
                value={current(c, "aqlCritical") ?? NOT_ALLOWED}
                options={[{ value: NOT_ALLOWED, label: t("rules.category.notAllowed") }, ...aqlOptions]}
                onChange={(v) => edit(c.code, { aqlCritical: v === NOT_ALLOWED ? null : Number(v) })}
              />
            ),
          },
          {
            title: t("rules.category.aqlMajor"),
            key: "aqlMajor",
            width: 110,
            render: (_, c) => aqlSelect(c, "aqlMajor"),
          },
          {
            title: t("rules.category.aqlMinor"),
            key: "aqlMinor",
            width: 110,
            render: (_, c) => aqlSelect(c, "aqlMinor"),
          },
          ...(editable
            ? [
                {
                  title: t("common.actions"),
                  key: "save",
                  width: 90,
                  render: (_: unknown, c: ProductCategory) => (
                    <Button
                      size="small"
                      type="primary"
                      disabled={Object.keys(changes(c)).length === 0}
                      loading={saving === c.code}
                      onClick={() => save(c)}
                      data-testid={`category-save-${c.code}`}
                    >
                      {t("common.save")}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

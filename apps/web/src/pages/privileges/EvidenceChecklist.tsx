import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Alert, Descriptions, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ReactNode } from "react";
import { isMessageKey, type Translate, useI18n } from "../../i18n/I18nProvider";
import { EMPTY } from "../../utils/format";
import { rowTestId } from "../../utils/testid";
import type { Criterion, EnterpriseClass, ExemptionEvidence } from "./types";

const CLASSES = new Set(["I", "II", "III", "IV"]);

function classLabel(value: string, t: Translate): string {
  return CLASSES.has(value) ? t(`class.${value as EnterpriseClass}`) : value;
}

/** The measured value in words: 100 %, 2 件, 3 / 3 年, 一类, ISO9001… */
function formatValue(c: Criterion, t: Translate): string {
  if (c.value === null) return t("privileges.evidence.notObserved");
  switch (c.unit) {
    case "percent":
      return `${c.value} %`;
    case "count":
      return t("privileges.evidence.count", { n: String(c.value) });
    case "years":
      return t("privileges.evidence.years", { n: String(c.value) });
    case "class":
      return classLabel(String(c.value), t);
    case "certifications":
      return Array.isArray(c.value) && c.value.length > 0
        ? c.value.join("、")
        : t("privileges.evidence.none");
  }
}

function formatThreshold(c: Criterion, t: Translate): string {
  const list = Array.isArray(c.threshold) ? c.threshold : [];
  switch (c.comparator) {
    case "gte":
      return c.unit === "percent" ? `≥ ${c.threshold} %` : `≥ ${c.threshold}`;
    case "lte":
      return `≤ ${c.threshold}`;
    case "in":
      return list.map((v) => classLabel(v, t)).join(" / ");
    case "includesAny":
      return list.join(" / ");
  }
}

type Row = Record<string, unknown>;
const rows = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);
const str = (value: unknown): string => (value === null || value === undefined ? EMPTY : String(value));

/** A code in words when the catalogue has it (privileges.eventKind.return…), else as it is. */
function codeLabel(prefix: string, code: unknown, t: Translate): string {
  const key = `${prefix}.${String(code)}`;
  return isMessageKey(key) ? t(key) : str(code);
}

/** The records behind one criterion's value, for the reviewer to check. */
function RecordsView({ criterion }: { criterion: Criterion }) {
  const { t } = useI18n();
  const r = criterion.records;
  const small = (columns: ColumnsType<Row>, data: Row[]) => (
    <Table<Row>
      size="small"
      rowKey={(row) => JSON.stringify(row)}
      columns={columns}
      dataSource={data}
      pagination={false}
      locale={{ emptyText: t("privileges.evidence.noRecords") }}
    />
  );
  const lotColumns: ColumnsType<Row> = [
    { title: t("privileges.evidence.declarationNo"), dataIndex: "declarationNo" },
    { title: t("privileges.evidence.declaredOn"), dataIndex: "declaredOn" },
  ];
  const eventColumns: ColumnsType<Row> = [
    {
      title: t("privileges.evidence.eventKind"),
      dataIndex: "kind",
      render: (k: string) => <Tag>{codeLabel("privileges.eventKind", k, t)}</Tag>,
    },
    { title: t("privileges.evidence.occurredOn"), dataIndex: "occurredOn" },
    { title: t("privileges.evidence.description"), dataIndex: "description" },
  ];
  let body: ReactNode;
  switch (criterion.key) {
    case "officialPassRate":
      body = (
        <>
          <Typography.Paragraph type="secondary">
            {t("privileges.evidence.inspectedSummary", {
              inspected: str(r.inspected),
              accepted: str(r.accepted),
              rejected: str(r.rejected),
            })}
          </Typography.Paragraph>
          {small(
            [
              ...lotColumns,
              {
                title: t("privileges.evidence.officialResult"),
                dataIndex: "officialResult",
                render: (v: string) => (
                  <Tag color={v === "accepted" ? "green" : "red"}>
                    {t(v === "accepted" ? "privileges.evidence.accepted" : "privileges.evidence.rejected")}
                  </Tag>
                ),
              },
            ],
            rows(r.lots),
          )}
        </>
      );
      break;
    case "inspectedYears":
      body = (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {rows(r.years).map((y) => (
            <li key={str(y.from)}>
              {t("privileges.evidence.yearWindow", { from: str(y.from), to: str(y.to), n: str(y.inspected) })}
            </li>
          ))}
        </ul>
      );
      break;
    case "selfInspectionPassRate":
      body = (
        <>
          <Typography.Paragraph type="secondary">
            {t("privileges.evidence.selfSummary", { lots: str(r.lots), passed: str(r.selfPassed) })}
          </Typography.Paragraph>
          {small(lotColumns, rows(r.failedLots))}
        </>
      );
      break;
    case "qualityObjections":
    case "penalties":
      body = small(eventColumns, rows(r.events));
      break;
    case "enterpriseClass":
      body = (
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t("privileges.column.class")}>
            {classLabel(str(r.class), t)}
          </Descriptions.Item>
          <Descriptions.Item label={t("privileges.evidence.classSource")}>
            {codeLabel("privileges.classSource", r.source, t)}
          </Descriptions.Item>
        </Descriptions>
      );
      break;
    case "qualityCertification":
      body = small(
        [
          { title: t("privileges.evidence.certType"), dataIndex: "type" },
          { title: t("privileges.evidence.certNumber"), dataIndex: "number", render: str },
          { title: t("privileges.evidence.validTo"), dataIndex: "validTo", render: str },
        ],
        rows(r.certifications),
      );
      break;
  }
  return <div style={{ padding: "4px 0" }}>{body}</div>;
}

interface EvidenceChecklistProps {
  evidence: ExemptionEvidence;
  /** What this evaluation is: at application, at decision, or now. */
  caption?: string;
}

/** The exemption criteria as a checklist: value, threshold, met or not, and the records behind each. */
export function EvidenceChecklist({ evidence, caption }: EvidenceChecklistProps) {
  const { t, locale } = useI18n();
  const columns: ColumnsType<Criterion> = [
    {
      title: t("privileges.evidence.criterion"),
      key: "label",
      render: (_, c) => (
        <>
          {locale === "zh-CN" ? c.label.zh : c.label.en}
          {c.verified ? null : (
            <Tooltip title={`${t("privileges.evidence.assumptionHint")} ${c.reference}`}>
              <Tag color="gold" style={{ marginInlineStart: 8 }}>
                {t("privileges.evidence.assumption")}
              </Tag>
            </Tooltip>
          )}
        </>
      ),
    },
    { title: t("privileges.evidence.value"), key: "value", render: (_, c) => formatValue(c, t) },
    { title: t("privileges.evidence.threshold"), key: "threshold", render: (_, c) => formatThreshold(c, t) },
    {
      title: t("privileges.evidence.met"),
      key: "met",
      width: 90,
      render: (_, c) =>
        c.met ? (
          <CheckCircleFilled style={{ color: "#389e0d" }} aria-label={t("common.yes")} data-met="true" />
        ) : (
          <CloseCircleFilled style={{ color: "#cf1322" }} aria-label={t("common.no")} data-met="false" />
        ),
    },
  ];
  return (
    <div data-testid="exemption-evidence" data-criteria-met={String(evidence.criteriaMet)}>
      <Alert
        type={evidence.criteriaMet ? "success" : "warning"}
        showIcon
        style={{ marginBottom: 12 }}
        title={t(evidence.criteriaMet ? "privileges.evidence.allMet" : "privileges.evidence.notAllMet", {
          unmet: String(evidence.criteria.filter((c) => !c.met).length),
        })}
        description={
          <>
            {caption ? `${caption} · ` : ""}
            {t("privileges.evidence.window", {
              from: evidence.windowFrom,
              to: evidence.windowTo,
              category:
                locale === "zh-CN" ? evidence.productCategory.nameZh : evidence.productCategory.nameEn,
            })}
          </>
        }
      />
      <Table<Criterion>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={evidence.criteria}
        pagination={false}
        onRow={rowTestId("exemption-criterion")}
        expandable={{ expandedRowRender: (c) => <RecordsView criterion={c} /> }}
      />
    </div>
  );
}

import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  InputNumber,
  Result,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { api } from "../../api/client";
import type { ItemList } from "../../api/types";
import { useApi } from "../../api/useApi";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { useI18n } from "../../i18n/I18nProvider";
import { formatNumber } from "../../utils/format";
import { rowTestId, testId } from "../../utils/testid";
import {
  AttachmentList,
  AttachmentUpload,
  LotStatusTag,
  PlanTable,
  switchingReasonText,
  useProductCategories,
  verdictOf,
} from "./shared";
import {
  type Attachment,
  DEFECT_CLASSES,
  type DefectClass,
  type DefectType,
  type InspectionPlan,
  type InspectionRecorded,
  type LotDetail,
  type Measurement,
} from "./types";

interface DefectRow {
  key: number;
  defectCode?: string;
  defectClass?: DefectClass;
  quantity: number | null;
  measurement: Partial<Measurement>;
  note: string;
}

const CATEGORY_ORDER: DefectType["category"][] = [
  "safety",
  "fabric",
  "workmanship",
  "measurement",
  "labelling",
];

let nextKey = 1;
const emptyRow = (): DefectRow => ({ key: nextKey++, quantity: 1, measurement: {}, note: "" });

function isMeasurement(type: DefectType | undefined): boolean {
  return type?.category === "measurement";
}

function completeMeasurement(m: Partial<Measurement>): m is Measurement {
  return (
    !!m.point?.trim() &&
    !!m.size?.trim() &&
    typeof m.specCm === "number" &&
    typeof m.toleranceCm === "number" &&
    typeof m.measuredCm === "number"
  );
}

/** The class a row counts in: the inspector's choice, else the defect type's default. */
function classOf(row: DefectRow, types: Map<string, DefectType>): DefectClass | undefined {
  return row.defectClass ?? (row.defectCode ? types.get(row.defectCode)?.defaultClass : undefined);
}

function PlanCard({ plan, found }: { plan: InspectionPlan; found: Record<DefectClass, number> }) {
  const { t, locale } = useI18n();
  const unverified = DEFECT_CLASSES.map((c) => plan.plans[c]).find((p) => !p.tableVerified);
  return (
    <Card title={t("lots.inspect.plan", { round: plan.round })} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t("lots.inspection.stage")}>
          <Tag color={plan.stage === "normal" ? "blue" : plan.stage === "tightened" ? "orange" : "green"}>
            <span data-testid="plan-stage" data-stage={plan.stage}>
              {t(`stage.${plan.stage}`)}
            </span>
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t("lots.inspection.level")}>{plan.level}</Descriptions.Item>
        <Descriptions.Item label={t("lots.inspection.codeLetter")}>
          <span data-testid="plan-code-letter">{plan.codeLetter}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("lots.inspection.sampleSize")}>
          <span data-testid="plan-sample-size">{plan.sampleSize}</span>
          {" / "}
          {formatNumber(plan.lotSize, locale)}
        </Descriptions.Item>
      </Descriptions>
      <Alert
        type={plan.fullInspection ? "warning" : "info"}
        showIcon
        title={
          plan.fullInspection
            ? t("lots.inspect.fullLot", { n: plan.lotSize })
            : t("lots.inspect.sample", { n: plan.sampleSize })
        }
        style={{ marginBottom: 12 }}
        data-testid="plan-full-inspection"
      />
      <PlanTable plans={plan.plans} found={found} />
      {unverified ? (
        <Typography.Text type="secondary" style={{ display: "block", marginTop: 8 }}>
          {t("lots.plan.unverified", { table: unverified.table })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

function Done({ recorded }: { recorded: InspectionRecorded }) {
  const { t } = useI18n();
  const [photos, setPhotos] = useState<Attachment[]>([]);
  const { lot, inspection, switching } = recorded;
  const accepted = inspection.result === "accepted";
  return (
    <Card>
      <Result
        status={accepted ? "success" : "warning"}
        title={
          <span data-testid="inspection-verdict" data-result={inspection.result}>
            {t(accepted ? "lots.inspect.done.accepted" : "lots.inspect.done.rework")}
          </span>
        }
        subTitle={
          <Space orientation="vertical">
            <Space>
              <LotStatusTag status={lot.status} />
              {lot.releaseNo ? (
                <Typography.Text strong>
                  {t("lots.field.releaseNo")}: <span data-testid="release-no">{lot.releaseNo}</span>
                </Typography.Text>
              ) : null}
            </Space>
            {switching ? (
              <Typography.Text type="secondary">
                {t("lots.inspect.switched", {
                  reason: switchingReasonText(
                    switching.reasonKey,
                    switching.reasonParams,
                    switching.reason,
                    t,
                  ),
                })}
              </Typography.Text>
            ) : null}
          </Space>
        }
        extra={
          <Space>
            <Link to="/console/tasks">
              <Button>{t("lots.inspect.backToTasks")}</Button>
            </Link>
            <Link to={`/console/lots/${lot.id}`}>
              <Button type="primary">{t("lots.inspect.viewLot")}</Button>
            </Link>
          </Space>
        }
      />
      <Card size="small" title={t("lots.inspect.photos")}>
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Typography.Text type="secondary">{t("lots.inspect.photoHint")}</Typography.Text>
          <AttachmentUpload
            lotId={lot.id}
            inspectionId={inspection.id}
            label={t("lots.upload.photo")}
            accept="image/*,application/pdf"
            onUploaded={(a) => setPhotos((p) => [...p, a])}
            testId="photo-upload"
          />
          {photos.length > 0 ? <AttachmentList items={photos} /> : null}
        </Space>
      </Card>
    </Card>
  );
}

export function InspectionPage() {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const detail = useApi<LotDetail>(`/api/v1/lots/${encodeURIComponent(id)}`);
  const plan = useApi<InspectionPlan>(`/api/v1/lots/${encodeURIComponent(id)}/plan`);
  const taxonomy = useApi<ItemList<DefectType>>("/api/v1/defect-types");
  const categories = useProductCategories();
  const [rows, setRows] = useState<DefectRow[]>([]);
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [recorded, setRecorded] = useState<InspectionRecorded | null>(null);

  const types = useMemo(() => new Map((taxonomy.data?.items ?? []).map((d) => [d.code, d])), [taxonomy.data]);
  const typeOptions = useMemo(
    () =>
      CATEGORY_ORDER.map((cat) => ({
        label: t(`lots.defectCategory.${cat}`),
        title: cat,
        options: (taxonomy.data?.items ?? [])
          .filter((d) => d.category === cat)
          .map((d) => ({ value: d.code, label: locale === "zh-CN" ? d.nameZh : d.nameEn })),
      })),
    [taxonomy.data, locale, t],
  );
  const found = useMemo(() => {
    const counts: Record<DefectClass, number> = { critical: 0, major: 0, minor: 0 };
    for (const r of rows) {
      const c = classOf(r, types);
      if (c && r.quantity) counts[c] += r.quantity;
    }
    return counts;
  }, [rows, types]);

  const update = (key: number, patch: Partial<DefectRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  if (recorded) {
    return (
      <PageContainer title={t("lots.inspect.title", { no: recorded.lot.declarationNo })}>
        <Done recorded={recorded} />
      </PageContainer>
    );
  }
  const lot = detail.data?.lot;
  const title = t("lots.inspect.title", { no: lot?.declarationNo ?? "" });
  if (plan.error || detail.error) {
    return (
      <PageContainer title={title}>
        <ErrorAlert error={plan.error ?? detail.error} onRetry={plan.error ? plan.reload : detail.reload} />
        <Link to={lot ? `/console/lots/${lot.id}` : "/console/tasks"}>
          <Button>{lot ? t("lots.inspect.viewLot") : t("lots.inspect.backToTasks")}</Button>
        </Link>
      </PageContainer>
    );
  }
  if (!plan.data || !lot) return <Skeleton active />;
  const p = plan.data;
  const verdict = verdictOf(p.plans, found);

  const submit = () => {
    const incomplete = rows.some((r) => {
      const type = r.defectCode ? types.get(r.defectCode) : undefined;
      return (
        !type ||
        !r.quantity ||
        (r.defectCode === "measurement.out_of_tolerance" && !completeMeasurement(r.measurement))
      );
    });
    if (incomplete) {
      message.error(t("lots.inspect.incomplete"));
      return;
    }
    modal.confirm({
      title: t("lots.inspect.confirmTitle", { round: p.round }),
      content: t("lots.inspect.confirm", { verdict: t(`lots.result.${verdict}`) }),
      okButtonProps: testId("inspection-confirm"),
      onOk: async () => {
        setSubmitting(true);
        setError(null);
        try {
          const body = {
            round: p.round,
            result: verdict,
            note: note.trim() || undefined,
            defects: rows.map((r) => ({
              defectCode: r.defectCode,
              defectClass: r.defectClass,
              quantity: r.quantity,
              measurement: completeMeasurement(r.measurement) ? r.measurement : undefined,
              note: r.note.trim() || undefined,
            })),
          };
          setRecorded(
            await api<InspectionRecorded>(`/api/v1/lots/${lot.id}/inspections`, { method: "POST", body }),
          );
          window.scrollTo({ top: 0 });
        } catch (err) {
          setError(err);
        } finally {
          setSubmitting(false);
        }
      },
    });
  };

  const columns: ColumnsType<DefectRow> = [
    {
      title: t("lots.inspect.defectType"),
      key: "type",
      width: 260,
      render: (_, r) => (
        <Select
          style={{ width: "100%" }}
          value={r.defectCode}
          options={typeOptions}
          showSearch={{ optionFilterProp: "label" }}
          loading={taxonomy.loading}
          onChange={(code: string) => update(r.key, { defectCode: code, defectClass: undefined })}
          data-testid="defect-code"
        />
      ),
    },
    {
      title: t("lots.inspect.class"),
      key: "class",
      width: 140,
      render: (_, r) => (
        <Select
          style={{ width: "100%" }}
          value={classOf(r, types)}
          options={DEFECT_CLASSES.map((c) => ({ value: c, label: t(`defectClass.${c}`) }))}
          onChange={(c: DefectClass) => update(r.key, { defectClass: c })}
          data-testid="defect-class"
        />
      ),
    },
    {
      title: t("lots.inspect.quantity"),
      key: "quantity",
      width: 110,
      render: (_, r) => (
        <InputNumber
          min={1}
          precision={0}
          value={r.quantity}
          onChange={(n) => update(r.key, { quantity: typeof n === "number" ? n : null })}
          data-testid="defect-quantity"
        />
      ),
    },
    {
      title: t("lots.inspect.measurement"),
      key: "measurement",
      width: 560,
      render: (_, r) => {
        const type = r.defectCode ? types.get(r.defectCode) : undefined;
        if (!isMeasurement(type)) return null;
        const m = r.measurement;
        const set = (patch: Partial<Measurement>) => update(r.key, { measurement: { ...m, ...patch } });
        const num = (v: number | string | null) => (typeof v === "number" ? v : undefined);
        const deviation =
          typeof m.measuredCm === "number" && typeof m.specCm === "number"
            ? Math.round(Math.abs(m.measuredCm - m.specCm) * 100) / 100
            : null;
        return (
          <Space orientation="vertical" size={4}>
            <Space wrap size={4}>
              <Input
                style={{ width: 90 }}
                placeholder={t("lots.inspect.point")}
                value={m.point}
                onChange={(e) => set({ point: e.target.value })}
                data-testid="measurement-point"
              />
              <Input
                style={{ width: 60 }}
                placeholder={t("lots.inspect.size")}
                value={m.size}
                onChange={(e) => set({ size: e.target.value })}
                data-testid="measurement-size"
              />
              <InputNumber
                style={{ width: 100 }}
                min={0}
                placeholder={t("lots.inspect.spec")}
                value={m.specCm}
                onChange={(v) => set({ specCm: num(v) })}
                data-testid="measurement-spec"
              />
              <InputNumber
                style={{ width: 110 }}
                min={0}
                placeholder={t("lots.inspect.tolerance")}
                value={m.toleranceCm}
                onChange={(v) => set({ toleranceCm: num(v) })}
                data-testid="measurement-tolerance"
              />
              <InputNumber
                style={{ width: 100 }}
                min={0}
                placeholder={t("lots.inspect.measured")}
                value={m.measuredCm}
                onChange={(v) => set({ measuredCm: num(v) })}
                data-testid="measurement-measured"
              />
            </Space>
            {deviation !== null && typeof m.toleranceCm === "number" ? (
              <Typography.Text type={deviation > m.toleranceCm ? "danger" : "warning"}>
                {deviation > m.toleranceCm
                  ? t("lots.inspect.outOfTolerance", { deviation })
                  : t("lots.inspect.withinTolerance", { deviation })}
              </Typography.Text>
            ) : null}
          </Space>
        );
      },
    },
    {
      title: t("lots.inspect.note"),
      key: "note",
      width: 180,
      render: (_, r) => (
        <Input value={r.note} maxLength={500} onChange={(e) => update(r.key, { note: e.target.value })} />
      ),
    },
    {
      title: "",
      key: "remove",
      width: 60,
      render: (_, r) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t("lots.inspect.remove")}
          onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
          data-testid="defect-remove"
        />
      ),
    },
  ];

  return (
    <PageContainer
      title={title}
      subTitle={`${lot.enterpriseName} · ${categories.nameOf(lot.productCategory)} · ${t(`mode.${p.mode}`)}`}
    >
      <ErrorAlert error={error} />
      <PlanCard plan={p} found={found} />
      <Card
        title={t("lots.inspect.defects")}
        style={{ marginBottom: 16 }}
        extra={
          <Button
            icon={<PlusOutlined />}
            onClick={() => setRows((rs) => [...rs, emptyRow()])}
            data-testid="defect-add"
          >
            {t("lots.inspect.addDefect")}
          </Button>
        }
      >
        <Table<DefectRow>
          rowKey="key"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 1320 }}
          onRow={rowTestId("defect-row")}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("lots.inspect.noDefects")} />
            ),
          }}
        />
      </Card>
      <Card title={t("lots.inspect.totals")} style={{ marginBottom: 16 }}>
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Space>
            {t("lots.inspect.verdict")}:
            <Tag
              color={verdict === "accepted" ? "success" : "error"}
              style={{ fontSize: 16, padding: "2px 12px" }}
            >
              <span data-testid="inspection-verdict" data-result={verdict}>
                {t(`lots.result.${verdict}`)}
              </span>
            </Tag>
          </Space>
          <Input.TextArea
            rows={2}
            maxLength={1000}
            placeholder={t("lots.inspection.note")}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="inspection-note"
          />
          <Button
            type="primary"
            size="large"
            loading={submitting}
            onClick={submit}
            data-testid="inspection-submit"
          >
            {t("lots.inspect.submit")}
          </Button>
        </Space>
      </Card>
    </PageContainer>
  );
}

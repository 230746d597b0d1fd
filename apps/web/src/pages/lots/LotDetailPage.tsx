import { AuditOutlined, RollbackOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  Modal,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { ApiError, api } from "../../api/client";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { can } from "../../auth/permissions";
import { ErrorAlert, errorMessage } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { NotFoundResult } from "../../components/Results";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, formatDateTime, formatNumber, text } from "../../utils/format";
import { testId } from "../../utils/testid";
import { countryName } from "./countries";
import {
  AttachmentList,
  AttachmentUpload,
  DecisionPanel,
  LotStatusTag,
  PlanTable,
  ResultTag,
  SwitchingEvents,
  SwitchingSummary,
  useProductCategories,
} from "./shared";
import type { DefectClass, Inspection, Lot, LotDetail, SwitchingStateView } from "./types";

function Declaration({ lot }: { lot: Lot }) {
  const { t, locale } = useI18n();
  const categories = useProductCategories();
  const self = lot.selfInspection;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
      <Descriptions.Item label={t("lots.field.enterprise")}>
        <Link to={`/console/enterprises/${lot.enterpriseId}`}>{lot.enterpriseName}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={t("lots.field.productCategory")}>
        {categories.nameOf(lot.productCategory)}
      </Descriptions.Item>
      <Descriptions.Item label={t("lots.field.hsCode")}>{lot.hsCode}</Descriptions.Item>
      <Descriptions.Item label={t("lots.field.description")} span={3}>
        {text(lot.description)}
      </Descriptions.Item>
      <Descriptions.Item label={t("lots.field.quantity")}>
        {formatNumber(lot.quantity, locale)} {lot.unit}
      </Descriptions.Item>
      <Descriptions.Item label={t("lots.field.lotSize")}>
        {formatNumber(lot.lotSize, locale)}
      </Descriptions.Item>
      <Descriptions.Item label={t("lots.field.valueUsd")}>
        {formatNumber(lot.valueUsd, locale)}
      </Descriptions.Item>
      <Descriptions.Item label={t("lots.field.destination")}>
        {countryName(lot.destination, locale)} ({lot.destination})
      </Descriptions.Item>
      <Descriptions.Item label={t("lots.field.buyer")}>{text(lot.buyer)}</Descriptions.Item>
      <Descriptions.Item label={t("lots.field.brand")}>{text(lot.brand)}</Descriptions.Item>
      <Descriptions.Item label={t("lots.field.shipDate")}>{formatDate(lot.shipDate)}</Descriptions.Item>
      <Descriptions.Item label={t("lots.field.declaredAt")}>
        {formatDateTime(lot.declaredAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t("lots.field.inspector")}>{text(lot.inspectorName)}</Descriptions.Item>
      <Descriptions.Item label={t("lots.field.selfInspection")} span={3}>
        <Space wrap>
          <ResultTag result={self.passed ? "accepted" : "rejected"} />
          {t("lots.self.summary", { sample: self.sampleSize ?? 0, defects: self.defectsFound ?? 0 })}
          {self.note ? <Typography.Text type="secondary">{self.note}</Typography.Text> : null}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t("lots.field.officialResult")}>
        <ResultTag result={lot.officialResult} />
      </Descriptions.Item>
      <Descriptions.Item label={t("lots.field.releasedAt")}>
        {formatDateTime(lot.releasedAt)}
      </Descriptions.Item>
    </Descriptions>
  );
}

function InspectionCard({ inspection }: { inspection: Inspection }) {
  const { t, locale } = useI18n();
  const i = inspection;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space>
          {t("lots.inspection.round", { round: i.round })}
          <Typography.Text type="secondary">
            {i.round === 1 ? t("lots.inspection.original") : t("lots.inspection.reinspection")}
          </Typography.Text>
        </Space>
      }
      extra={<ResultTag result={i.result} />}
      data-testid="inspection-card"
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t("lots.inspection.stage")}>{t(`stage.${i.stage}`)}</Descriptions.Item>
        <Descriptions.Item label={t("lots.inspection.level")}>{i.level}</Descriptions.Item>
        <Descriptions.Item label={t("lots.inspection.codeLetter")}>{i.codeLetter}</Descriptions.Item>
        <Descriptions.Item label={t("lots.inspection.sampleSize")}>
          {i.sampleSize}
          {i.fullInspection ? <Tag style={{ marginLeft: 8 }}>{t("lots.inspection.full")}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t("lots.field.inspector")}>{text(i.inspectorName)}</Descriptions.Item>
        <Descriptions.Item label={t("lots.inspection.completedAt")}>
          {formatDateTime(i.completedAt)}
        </Descriptions.Item>
        {i.note ? (
          <Descriptions.Item label={t("lots.inspection.note")} span={2}>
            {i.note}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <PlanTable plans={i.plans} found={i.defectsFound} testIdPrefix={`round${i.round}`} />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t("lots.inspection.defects")}
      </Typography.Title>
      {i.defects.length === 0 ? (
        <Typography.Text type="secondary">{t("lots.inspection.noDefects")}</Typography.Text>
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={i.defects}
          columns={[
            {
              title: t("lots.inspect.defectType"),
              key: "name",
              render: (_, d) => (locale === "zh-CN" ? d.nameZh : d.nameEn),
            },
            {
              title: t("lots.inspect.class"),
              dataIndex: "defectClass",
              render: (c: DefectClass) => t(`defectClass.${c}`),
            },
            { title: t("lots.inspect.quantity"), dataIndex: "quantity", align: "right" },
            {
              title: t("lots.inspect.measurement"),
              key: "m",
              render: (_, d) =>
                d.measurement
                  ? `${d.measurement.point} ${d.measurement.size}: ${d.measurement.measuredCm} / ${d.measurement.specCm} ± ${d.measurement.toleranceCm} cm`
                  : text(null),
            },
            { title: t("lots.inspect.note"), dataIndex: "note", render: text },
          ]}
        />
      )}
    </Card>
  );
}

/** Regulators decide on the corrective action after discontinuation. */
function ResumeButton({ switching, onDone }: { switching: SwitchingStateView; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const decide = async (accepted: boolean) => {
    setBusy(true);
    try {
      await api(
        `/api/v1/switching-states/${switching.enterpriseId}/${encodeURIComponent(switching.productCategory)}/resume`,
        { method: "POST", body: { correctiveActionAccepted: accepted, note: note.trim() || undefined } },
      );
      setOpen(false);
      onDone();
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="switching-resume">
        {t("lots.switching.resume")}
      </Button>
      <Modal
        open={open}
        title={t("lots.switching.resumeTitle")}
        onCancel={() => setOpen(false)}
        footer={[
          <Button key="refuse" loading={busy} onClick={() => decide(false)}>
            {t("lots.switching.resumeRefuse")}
          </Button>,
          <Button key="accept" type="primary" loading={busy} onClick={() => decide(true)}>
            {t("lots.switching.resumeAccept")}
          </Button>,
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          placeholder={t("lots.switching.resumeNote")}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}

export function LotDetailPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const { user } = useAuth();
  const navigate = useNavigate();
  const categories = useProductCategories();
  const { data, error, loading, reload } = useApi<LotDetail>(`/api/v1/lots/${encodeURIComponent(id)}`);

  if (error instanceof ApiError && [400, 403, 404].includes(error.status)) {
    return (
      <NotFoundResult subTitle={t("lots.notFound")} backTo="/console/lots" backLabel={t("lots.backToList")} />
    );
  }
  if (!data || (loading && data.lot.id !== id)) {
    return error ? <ErrorAlert error={error} onRetry={reload} /> : <Skeleton active loading={loading} />;
  }

  const { lot, attachments, inspections, switching } = data;
  const isOwner = user?.role === "enterprise" && user.enterpriseId === lot.enterpriseId;
  const open = lot.status === "awaiting_inspection" || lot.status === "rework";
  const canInspect = can(user, "tasks") && open && switching.stage !== "discontinued";
  const canWithdraw = isOwner && lot.status === "awaiting_inspection" && inspections.length === 0;
  const canUpload = isOwner || can(user, "tasks");
  const isAuthority = user?.role === "admin" || user?.role === "regulator";

  const withdraw = () =>
    modal.confirm({
      title: t("lots.detail.withdraw"),
      content: t("lots.detail.withdrawConfirm", { no: lot.declarationNo }),
      okButtonProps: { danger: true, ...testId("withdraw-confirm") },
      onOk: async () => {
        try {
          await api(`/api/v1/lots/${lot.id}/withdraw`, { method: "POST" });
          message.success(t("lots.detail.withdrawn"));
          reload();
        } catch (err) {
          message.error(errorMessage(err, t));
        }
      },
    });

  return (
    <PageContainer
      title={
        <Space>
          {lot.declarationNo}
          <LotStatusTag status={lot.status} />
        </Space>
      }
      subTitle={lot.enterpriseName}
      extra={
        <>
          {canWithdraw ? (
            <Button danger icon={<RollbackOutlined />} onClick={withdraw} data-testid="withdraw-button">
              {t("lots.detail.withdraw")}
            </Button>
          ) : null}
          {canInspect ? (
            <Button
              type="primary"
              icon={<AuditOutlined />}
              onClick={() => navigate(`/console/lots/${lot.id}/inspect`)}
              data-testid="inspect-button"
            >
              {t("lots.detail.inspect")}
            </Button>
          ) : null}
        </>
      }
    >
      <Card title={t("lots.detail.decision")} style={{ marginBottom: 16 }}>
        <DecisionPanel lot={lot} />
      </Card>
      <Card title={t("lots.detail.declaration")} style={{ marginBottom: 16 }}>
        <Declaration lot={lot} />
      </Card>
      <Card
        title={t("lots.detail.attachments")}
        style={{ marginBottom: 16 }}
        extra={
          canUpload ? (
            <AttachmentUpload
              lotId={lot.id}
              label={isOwner ? t("lots.declared.upload") : t("lots.upload")}
              onUploaded={reload}
            />
          ) : null
        }
      >
        <AttachmentList items={attachments} />
      </Card>
      <Card title={t("lots.detail.inspections")} style={{ marginBottom: 16 }}>
        {inspections.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("lots.detail.noInspections")} />
        ) : (
          inspections.map((i) => <InspectionCard key={i.id} inspection={i} />)
        )}
      </Card>
      <Card
        title={t("lots.switching.title", { category: categories.nameOf(lot.productCategory) })}
        style={{ marginBottom: 16 }}
        extra={
          isAuthority && switching.stage === "discontinued" ? (
            <ResumeButton switching={switching} onDone={reload} />
          ) : null
        }
      >
        <SwitchingSummary switching={switching} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t("lots.switching.events")}
        </Typography.Title>
        <SwitchingEvents switching={switching} />
      </Card>
    </PageContainer>
  );
}

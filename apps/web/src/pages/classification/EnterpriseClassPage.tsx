import { ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Row, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError, api } from "../../api/client";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { can } from "../../auth/permissions";
import { ErrorAlert, errorMessage } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { NotFoundResult } from "../../components/Results";
import { type MessageKey, useI18n } from "../../i18n/I18nProvider";
import { formatDateTime } from "../../utils/format";
import { ChecklistCard } from "./ChecklistCard";
import { ClassHistory } from "./ClassHistory";
import { ReasonsCard, SignalsCard } from "./ClassReasons";
import { ClassTag, SourceTag } from "./ClassTag";
import { OverrideCard } from "./OverrideCard";
import { ModesCard, SwitchingCard } from "./SupervisionCards";
import { formatValue } from "./trace";
import type { ClassDetail } from "./types";

/** The class in force, large, with where it comes from. */
function ClassHeader({ detail }: { detail: ClassDetail }) {
  const { t } = useI18n();
  const { classInForce, decision } = detail;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Space wrap align="center" size={16}>
        <Typography.Text type="secondary">{t("classPage.classInForce")}</Typography.Text>
        <ClassTag cls={classInForce.class} source={classInForce.source} large testId="class-tag" />
        <SourceTag source={classInForce.source} />
        {decision ? (
          <Space wrap size={12}>
            <Typography.Text type="secondary">
              {t("classPage.decidedAt", { at: formatDateTime(decision.decidedAt) })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t("classPage.score", { score: formatValue(decision.scoreTotal) })}
            </Typography.Text>
            {decision.computedClass !== classInForce.class ? (
              <Typography.Text type="secondary">
                {t("classPage.computed", { class: t(`class.${decision.computedClass}` as MessageKey) })}
              </Typography.Text>
            ) : null}
            <Typography.Text type="secondary">
              {t("classPage.ruleSet", { version: decision.ruleSetVersion })}
            </Typography.Text>
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}

export function EnterpriseClassPage() {
  const { enterpriseId = "" } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const editable = can(user, "classRules");
  const url = `/api/v1/classes/${encodeURIComponent(enterpriseId)}`;
  const { data, error, loading, reload, setData } = useApi<ClassDetail>(url);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [reclassifying, setReclassifying] = useState(false);

  if (error instanceof ApiError && [400, 403, 404].includes(error.status)) {
    return (
      <NotFoundResult
        subTitle={t("classPage.notFound")}
        backTo={user?.role === "enterprise" ? "/console" : "/console/classes"}
        backLabel={t("classPage.backToList")}
      />
    );
  }
  if (!data || (loading && data.enterprise.id !== enterpriseId)) {
    return error ? <ErrorAlert error={error} onRetry={reload} /> : <Skeleton active />;
  }

  const changedTo = (next: ClassDetail) => {
    setData(next);
    setHistoryVersion((v) => v + 1);
  };

  const reclassify = async () => {
    setReclassifying(true);
    try {
      const r = await api<{ changed: boolean; detail: ClassDetail }>(`${url}/reclassify`, { method: "POST" });
      const cls = t(`class.${r.detail.classInForce.class}` as MessageKey);
      message.success(
        t(r.changed ? "classPage.reclassify.changed" : "classPage.reclassify.same", { class: cls }),
      );
      changedTo(r.detail);
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setReclassifying(false);
    }
  };

  const e = data.enterprise;
  return (
    <PageContainer
      title={e.name}
      subTitle={
        <Space size={8} wrap>
          <span>{e.uscc}</span>
          {e.townName ? <span>{e.townName}</span> : null}
          <Link to={`/console/enterprises/${e.id}`}>{t("enterprise.detail.title")}</Link>
        </Space>
      }
      extra={
        editable ? (
          <Button
            type="primary"
            icon={<ReloadOutlined />}
            loading={reclassifying}
            onClick={reclassify}
            data-testid="reclassify-button"
          >
            {t("classPage.reclassify")}
          </Button>
        ) : null
      }
    >
      {!editable ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t("classPage.readOnly")} />
      ) : null}
      <ClassHeader detail={data} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <ReasonsCard decision={data.decision} />
            <SignalsCard decision={data.decision} />
            <ModesCard modes={data.modes} />
            <SwitchingCard states={data.switchingStates} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <ChecklistCard detail={data} editable={editable} onSaved={(next) => changedTo(next)} />
            {editable || data.override ? (
              <OverrideCard detail={data} editable={editable} onSaved={changedTo} />
            ) : null}
          </Space>
        </Col>
        <Col span={24}>
          <ClassHistory enterpriseId={e.id} refreshKey={historyVersion} />
        </Col>
      </Row>
    </PageContainer>
  );
}

import { Alert, Card, Col, Flex, Row, Statistic, Tag, Typography } from "antd";
import { useI18n } from "../../i18n/I18nProvider";
import type { ClassPlan, DefectClass } from "./types";

const CLASS_COLOURS: Record<DefectClass, string> = { critical: "red", major: "orange", minor: "blue" };

/** One defect class's plan: code letter, sample size, Ac/Re, full-inspection tag, notes. */
export function ResultCard({ cls, plan, lotSize }: { cls: DefectClass; plan: ClassPlan; lotSize: number }) {
  const { t } = useI18n();
  const value = (testId: string, text: string | number) => () => <span data-testid={testId}>{text}</span>;
  return (
    <Card
      data-testid={`sampling-result-${cls}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t(`sampling.class.${cls}`)}</span>
          <Tag color={CLASS_COLOURS[cls]} data-testid="sampling-aql">
            {plan.zeroAcceptance ? t("sampling.aql.notAllowed") : `AQL ${plan.aql}`}
          </Tag>
        </Flex>
      }
      extra={
        plan.fullInspection ? (
          <Tag color="volcano" data-testid="sampling-full-inspection">
            {t("sampling.result.fullInspection")}
          </Tag>
        ) : null
      }
      style={{ height: "100%" }}
    >
      <Row gutter={12}>
        <Col span={7}>
          <Statistic
            title={t("sampling.result.codeLetter")}
            value={plan.codeLetter}
            formatter={value("sampling-code-letter", plan.codeLetter)}
          />
        </Col>
        <Col span={8}>
          <Statistic
            title={t("sampling.result.sampleSize")}
            value={plan.sampleSize}
            formatter={value("sampling-sample-size", plan.sampleSize)}
          />
        </Col>
        <Col span={9}>
          <Statistic
            title={t("sampling.result.acRe")}
            value={`${plan.accept}/${plan.reject}`}
            formatter={value("sampling-ac-re", `${plan.accept} / ${plan.reject}`)}
          />
        </Col>
      </Row>
      <Flex vertical gap={4} style={{ marginTop: 12 }}>
        <Typography.Text>
          {t("sampling.result.verdict", { ac: plan.accept, re: plan.reject })}
        </Typography.Text>
        {plan.zeroAcceptance ? (
          <Typography.Text type="secondary" data-testid="sampling-zero-acceptance">
            {t("sampling.result.zeroAcceptance", { n: plan.sampleSize })}
          </Typography.Text>
        ) : plan.planLetter !== plan.codeLetter ? (
          <Typography.Text type="secondary" data-testid="sampling-plan-letter">
            {t("sampling.result.planLetter", { letter: plan.planLetter, n: plan.planSampleSize })}
          </Typography.Text>
        ) : null}
        {plan.fullInspection ? (
          <Typography.Text type="secondary">
            {t("sampling.result.fullInspectionHint", { n: plan.planSampleSize, lotSize })}
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary">
          {t("sampling.result.table", { table: plan.table })}
        </Typography.Text>
      </Flex>
      {plan.tableVerified ? null : (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t("sampling.result.unverified", { table: plan.table })}
          data-testid="sampling-unverified"
        />
      )}
    </Card>
  );
}

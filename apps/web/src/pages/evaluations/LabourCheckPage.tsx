import { UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Flex,
  Input,
  Row,
  Table,
  Tag,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { ComplianceChart, HoursChart } from "./LabourTrendsCard";
import { useDynamicText } from "./shared";
import type { LabourCheckResult } from "./types";

export function LabourCheckPage() {
  const { t, dyn, locale } = useDynamicText();
  const [county, setCounty] = useState("330482");
  const [result, setResult] = useState<LabourCheckResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append("county", county);
      form.append("file", file);
      setResult(await api<LabourCheckResult>("/api/v1/labour/check", { method: "POST", body: form }));
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setBusy(false);
    }
    return false;
  };

  const groups = result ? result.byRule.filter((r) => r.findings > 0) : [];
  return (
    <PageContainer title={t("evaluations.labour.title")} subTitle={t("evaluations.labour.subtitle")}>
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap>
          <span>{t("evaluations.labour.county")}</span>
          <Input
            style={{ width: 120 }}
            value={county}
            onChange={(e) => setCounty(e.target.value)}
            data-testid="labour-county"
          />
          <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => upload(f)} disabled={busy}>
            <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="labour-upload">
              {t("evaluations.labour.upload")}
            </Button>
          </Upload>
        </Flex>
      </Card>
      <ErrorAlert error={error} />
      {result ? (
        <>
          <Alert
            type={result.totalFindings > 0 ? "warning" : "success"}
            style={{ marginBottom: 16 }}
            data-testid="labour-summary"
            title={t("evaluations.labour.summary", {
              rows: result.rows,
              workers: result.workers,
              from: result.from ?? "",
              to: result.to ?? "",
              findings: result.totalFindings,
            })}
            description={
              result.truncated
                ? t("evaluations.labour.truncated", { shown: result.findings.length })
                : undefined
            }
          />
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card title={t("evaluations.labour.chart")} style={{ marginBottom: 16 }}>
                {/* Monthly average hours per worker: the curve seed 000 describes (320–350 h → 250–280 h). */}
                <HoursChart
                  series={[{ name: t("evaluations.labour.chart"), months: result.monthlyAverageHours }]}
                  testId="labour-hours-chart"
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t("labourTrends.byMonth")} style={{ marginBottom: 16 }}>
                <ComplianceChart months={result.monthly} testId="labour-compliance-chart" />
              </Card>
            </Col>
          </Row>
          {groups.length === 0 ? (
            <Empty description={t("evaluations.labour.none")} />
          ) : (
            <Collapse
              data-testid="labour-groups"
              items={groups.map((g) => ({
                key: g.rule,
                label: (
                  <Flex gap={8} data-testid={`labour-rule-${g.rule}`}>
                    <Typography.Text strong>{dyn("evaluations.rule", g.rule)}</Typography.Text>
                    <Tag>{g.findings}</Tag>
                    <Typography.Text type="secondary">
                      {t("evaluations.col.workers")}: {g.workers}
                    </Typography.Text>
                  </Flex>
                ),
                children: (
                  <Table
                    size="small"
                    rowKey={(r) => `${r.workerId}-${r.period}`}
                    dataSource={result.findings.filter((f) => f.rule === g.rule)}
                    pagination={{ pageSize: 20 }}
                    columns={[
                      { title: t("evaluations.col.worker"), dataIndex: "workerId", width: 120 },
                      { title: t("evaluations.col.period"), dataIndex: "period", width: 120 },
                      {
                        title: t("evaluations.col.detail"),
                        render: (_, f) => (locale === "en-US" ? f.detail.en : f.detail.zh),
                      },
                    ]}
                  />
                ),
              }))}
            />
          )}
        </>
      ) : null}
    </PageContainer>
  );
}

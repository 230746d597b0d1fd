import { Card, Empty, List, Table, Typography } from "antd";
import { useI18n } from "../../i18n/I18nProvider";
import { metricName, metricValue, observationEvidence, traceText } from "./trace";
import type { Decision, SignalObservation, TraceLine } from "./types";

/** The decision's trace, line by line, in the page's language. */
export function ReasonsCard({ decision }: { decision: Decision | null }) {
  const { t } = useI18n();
  return (
    <Card title={t("classPage.reasons")} size="small" data-testid="class-reasons">
      {decision ? (
        <List<TraceLine>
          size="small"
          dataSource={decision.trace}
          renderItem={(line) => (
            <List.Item
              key={line.text}
              data-testid="class-reason"
              data-key={line.key}
              style={lineStyle(line.key)}
            >
              <Typography.Text title={line.text}>{traceText(line, t)}</Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <Empty description={t("classPage.noDecision")} />
      )}
    </Card>
  );
}

/** Lines that moved the class stand out; checklist lines recede. */
function lineStyle(key: string) {
  if (/\.(capAt|demoteBy|floor|overrideApplied)$/.test(key)) return { fontWeight: 600 };
  if (key.endsWith(".final")) return { fontWeight: 600, borderTop: "1px solid #f0f0f0" };
  if (key.endsWith(".element")) return { color: "rgba(0,0,0,0.65)" };
  return undefined;
}

export function SignalsCard({ decision }: { decision: Decision | null }) {
  const { t } = useI18n();
  const signals = decision?.signals ?? [];
  return (
    <Card title={t("classPage.signals")} size="small">
      <Table<SignalObservation>
        size="small"
        pagination={false}
        rowKey={(o) => `${o.metric}@${o.windowMonths}`}
        dataSource={signals}
        locale={{ emptyText: <Empty description={t("classPage.noDecision")} /> }}
        data-testid="class-signals"
        columns={[
          {
            title: t("classPage.signal.metric"),
            dataIndex: "metric",
            render: (m: string) => metricName(m, t),
          },
          {
            title: t("classPage.signal.window"),
            dataIndex: "windowMonths",
            width: 120,
            render: (n: number) => t("classPage.signal.windowMonths", { months: n }),
          },
          {
            title: t("classPage.signal.value"),
            dataIndex: "value",
            align: "right",
            width: 100,
            render: (v: number, o) => metricValue(o.metric, v),
          },
          {
            title: t("classPage.signal.evidence"),
            key: "evidence",
            render: (_, o) => observationEvidence(o, t),
          },
        ]}
      />
    </Card>
  );
}

import { AlertOutlined, CalendarOutlined, ClockCircleOutlined } from "@ant-design/icons";
import { Card, Col, Row, Statistic, Table } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { rowTestId } from "../../utils/testid";
import { CapTag, StageTag, useDynamicText } from "../evaluations/shared";

/** The summary's `evaluations` block (apps/server/src/modules/dashboard/evaluations.ts). */
export interface EvaluationDue {
  overdueCapItems: number;
  dueSoonCapItems: number;
  stagesDue: number;
  stages: {
    assessmentId: string;
    enterpriseName: string;
    stage: string;
    field: string;
    dueOn: string;
    daysLeft: number;
  }[];
  capItems: {
    id: string;
    assessmentId: string;
    title: string;
    status: string;
    deadline: string;
    daysLeft: number;
    overdue: boolean;
  }[];
}

const PROGRAMME = "/console/evaluations";
const assessmentPath = (id: string) => `/console/evaluations/assessments/${id}`;

function DaysText({ days }: { days: number }) {
  const { t } = useDynamicText();
  if (days === 0) return <span style={{ color: "#d46b08" }}>{t("evaluations.home.dueToday")}</span>;
  if (days < 0)
    return <span style={{ color: "#cf1322" }}>{t("evaluations.home.daysOverdue", { n: -days })}</span>;
  return <span>{t("evaluations.home.daysLeft", { n: days })}</span>;
}

function Count({
  title,
  value,
  icon,
  danger,
  testId,
}: {
  title: string;
  value: number;
  icon: ReactNode;
  danger?: boolean;
  testId: string;
}) {
  return (
    <Link to={PROGRAMME}>
      <Statistic
        title={title}
        value={value}
        prefix={icon}
        styles={{ content: { color: value > 0 ? (danger ? "#cf1322" : "#d46b08") : undefined } }}
        data-testid={testId}
      />
    </Link>
  );
}

/**
 * The evaluation programme on the console home: for the association, the regulator and administrators the CAP
 * items overdue and due soon and the stages due (linking to the programme page); for an enterprise user its own
 * open CAP items with their deadlines. The same dates the reminders job writes notifications about.
 */
export function EvaluationDueCard({
  due,
  enterprise,
  loading,
}: {
  due: EvaluationDue | undefined;
  enterprise: boolean;
  loading: boolean;
}) {
  const { t, dyn } = useDynamicText();
  const stages = (
    <Table<EvaluationDue["stages"][number]>
      size="small"
      loading={loading}
      rowKey={(r) => `${r.assessmentId}:${r.field}`}
      dataSource={due?.stages ?? []}
      pagination={false}
      onRow={rowTestId("stage-due-row")}
      locale={{ emptyText: t("evaluations.home.stagesEmpty") }}
      columns={[
        {
          title: t("evaluations.col.enterprise"),
          dataIndex: "enterpriseName",
          render: (name: string, r) => <Link to={assessmentPath(r.assessmentId)}>{name}</Link>,
        },
        {
          title: t("evaluations.col.stage"),
          dataIndex: "stage",
          render: (s: string) => <StageTag stage={s} />,
        },
        { title: "", dataIndex: "field", render: (f: string) => dyn("evaluations.due", f) },
        { title: t("evaluations.col.onDate"), dataIndex: "dueOn" },
        { title: "", dataIndex: "daysLeft", key: "days", render: (d: number) => <DaysText days={d} /> },
      ]}
    />
  );
  if (enterprise)
    return (
      <Card title={t("evaluations.home.myCap")} style={{ marginBottom: 16 }} data-testid="home-my-cap">
        <Table<EvaluationDue["capItems"][number]>
          size="small"
          loading={loading}
          rowKey="id"
          dataSource={due?.capItems ?? []}
          pagination={false}
          onRow={rowTestId("my-cap-row")}
          locale={{ emptyText: t("evaluations.home.myCapEmpty") }}
          columns={[
            {
              title: t("evaluations.col.title"),
              dataIndex: "title",
              render: (title: string, r) => <Link to={assessmentPath(r.assessmentId)}>{title}</Link>,
            },
            {
              title: t("evaluations.col.status"),
              dataIndex: "status",
              render: (s: string, r) => <CapTag status={s} overdue={r.overdue} />,
            },
            { title: t("evaluations.col.deadline"), dataIndex: "deadline" },
            {
              title: "",
              dataIndex: "daysLeft",
              key: "days",
              // Only the items the enterprise still owes run against their deadline.
              render: (d: number, r) =>
                ["open", "rejected"].includes(r.status) ? <DaysText days={d} /> : null,
            },
          ]}
        />
        {due && due.stages.length > 0 ? <div style={{ marginTop: 16 }}>{stages}</div> : null}
      </Card>
    );
  return (
    <Card
      title={t("evaluations.home.title")}
      style={{ marginBottom: 16 }}
      extra={<Link to={PROGRAMME}>{t("evaluations.home.viewAll")}</Link>}
      data-testid="home-evaluations"
    >
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={8}>
          <Count
            title={t("evaluations.programme.overdueCap")}
            value={due?.overdueCapItems ?? 0}
            icon={<AlertOutlined />}
            danger
            testId="stat-overdue-cap"
          />
        </Col>
        <Col xs={24} sm={8}>
          <Count
            title={t("evaluations.home.dueSoonCap")}
            value={due?.dueSoonCapItems ?? 0}
            icon={<ClockCircleOutlined />}
            testId="stat-due-soon-cap"
          />
        </Col>
        <Col xs={24} sm={8}>
          <Count
            title={t("evaluations.home.stagesDue")}
            value={due?.stagesDue ?? 0}
            icon={<CalendarOutlined />}
            testId="stat-stages-due"
          />
        </Col>
      </Row>
      {stages}
    </Card>
  );
}

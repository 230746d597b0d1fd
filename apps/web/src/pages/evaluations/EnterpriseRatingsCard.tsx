import { Card, Table, Tag } from "antd";
import type { HTMLAttributes } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../../api/useApi";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StageTag, useDynamicText } from "./shared";
import type { EnterpriseRating } from "./types";

/** A rating at the system's worst level (E, non-compliant) or withheld stands out; others are green. */
function LevelTag({ r }: { r: EnterpriseRating }) {
  const { t, loc } = useDynamicText();
  if (r.ratingWithheld) return <Tag color="red">{t("evaluations.ratings.withheld")}</Tag>;
  if (!r.level) return <span>—</span>;
  return (
    <Tag color={r.worstLevel ? "red" : "green"} data-testid="rating-level">
      {r.levelName ? loc(r.levelName) : r.level}
    </Tag>
  );
}

/** The enterprise's evaluation results, for its record page: each assessment, its stage and the level given. */
export function EnterpriseRatingsCard({ enterpriseId }: { enterpriseId: string }) {
  const { t, loc } = useDynamicText();
  const ratings = useApi<{ items: EnterpriseRating[] }>("/api/v1/evaluation-ratings", { enterpriseId });
  return (
    <Card title={t("evaluations.ratings.title")} style={{ marginTop: 16 }} data-testid="enterprise-ratings">
      <ErrorAlert error={ratings.error} onRetry={ratings.reload} />
      <Table
        size="small"
        rowKey="assessmentId"
        loading={ratings.loading}
        dataSource={ratings.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t("evaluations.ratings.empty") }}
        onRow={() => ({ "data-testid": "rating-row" }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t("evaluations.col.system"),
            render: (_, r) => (
              <Link to={`/console/evaluations/assessments/${r.assessmentId}`}>
                {loc(r.systemName)} {r.systemVersion}
              </Link>
            ),
          },
          { title: t("evaluations.col.stage"), render: (_, r) => <StageTag stage={r.stage} /> },
          { title: t("evaluations.col.level"), render: (_, r) => <LevelTag r={r} /> },
          {
            title: t("evaluations.col.percent"),
            render: (_, r) => (r.percent === null ? "—" : `${r.percent.toFixed(1)} %`),
          },
          { title: t("evaluations.col.ratedOn"), render: (_, r) => r.ratedOn ?? "—" },
          { title: t("evaluations.col.validUntil"), render: (_, r) => r.validUntil ?? "—" },
        ]}
      />
    </Card>
  );
}

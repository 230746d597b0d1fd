import { CheckOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import type { ImportDecision, ImportRow } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";

function formatScore(score: number): string {
  return score <= 1 ? `${Math.round(score * 100)}%` : String(Math.round(score));
}

interface CandidateListProps {
  row: ImportRow;
  busy: boolean;
  onDecide: (decision: ImportDecision, enterpriseId?: string) => void;
}

/** Candidates of a potential match with 确认为同一企业 / 不是，新建; the decision can be changed until commit. */
export function CandidateList({ row, busy, onDecide }: CandidateListProps) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={6} style={{ width: "100%" }} data-testid="import-candidates">
      {row.candidates.map((c) => {
        const chosen = row.decision === "confirm" && row.enterpriseId === c.enterpriseId;
        return (
          <Flex key={c.enterpriseId} gap={8} align="center" wrap data-testid="import-candidate">
            <Link to={`/console/enterprises/${c.enterpriseId}`} target="_blank">
              {c.name}
            </Link>
            <Typography.Text type="secondary">{c.uscc}</Typography.Text>
            <Tag color="orange" title={t("imports.candidate.score")}>
              {formatScore(c.score)}
            </Tag>
            {chosen ? (
              <Tag color="green" icon={<CheckOutlined />}>
                {t("imports.decision.confirmed")}
              </Tag>
            ) : (
              <Button
                size="small"
                type={row.decision ? "default" : "primary"}
                ghost={!row.decision}
                disabled={busy}
                onClick={() => onDecide("confirm", c.enterpriseId)}
                data-testid="import-confirm-match"
              >
                {t("imports.decision.confirm")}
              </Button>
            )}
          </Flex>
        );
      })}
      {row.decision === "reject" ? (
        <Tag color="blue" icon={<PlusOutlined />}>
          {t("imports.decision.rejected")}
        </Tag>
      ) : (
        <Button
          size="small"
          disabled={busy}
          onClick={() => onDecide("reject")}
          data-testid="import-reject-match"
        >
          {t("imports.decision.reject")}
        </Button>
      )}
    </Space>
  );
}

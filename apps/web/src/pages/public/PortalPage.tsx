import { Card, Col, Row, Skeleton, Statistic } from "antd";
import type { PublicCluster } from "../../api/types";
import { useApi } from "../../api/useApi";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/I18nProvider";
import { IndicatorPanel } from "./IndicatorPanel";
import { PortalHeader } from "./PortalHeader";
import { TownPanel } from "./TownPanel";

/** Public portal: introduction of the Pinghu garment cluster, its indicators and towns. No sign-in needed. */
export function PortalPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<PublicCluster>("/api/v1/public/cluster");

  return (
    <div>
      <PortalHeader />
      <section className="portal-hero">
        <h1>{t("portal.hero.title")}</h1>
        <p>{t("portal.hero.intro")}</p>
        <p>{t("portal.hero.platform")}</p>
      </section>
      <main className="portal-body">
        <ErrorAlert error={error} onRetry={reload} />
        <Card style={{ marginBottom: 16 }}>
          <Skeleton loading={loading && !data} active paragraph={{ rows: 1 }}>
            <Row gutter={16}>
              <Col xs={24} sm={8}>
                <Statistic title={t("portal.stat.cluster")} value={data?.name ?? t("portal.hero.title")} />
              </Col>
              <Col xs={24} sm={8}>
                <Statistic
                  title={t("portal.stat.enterprises")}
                  value={data?.enterpriseCount ?? 0}
                  data-testid="portal-enterprise-count"
                />
              </Col>
              <Col xs={24} sm={8}>
                <Statistic title={t("portal.stat.towns")} value={data?.towns.length ?? 0} />
              </Col>
            </Row>
          </Skeleton>
        </Card>
        {data ? (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={15}>
              <IndicatorPanel indicators={data.indicators} />
            </Col>
            <Col xs={24} xl={9}>
              <TownPanel towns={data.towns} />
            </Col>
          </Row>
        ) : null}
      </main>
    </div>
  );
}

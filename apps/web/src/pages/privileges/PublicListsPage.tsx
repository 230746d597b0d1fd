import { Card, Col, Empty, Pagination, Row, Select, Skeleton, Tag, Typography } from "antd";
import { useState } from "react";
import { useApi } from "../../api/useApi";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/I18nProvider";
import { PortalHeader } from "../public/PortalHeader";
import type { ListKind, PublicListPage } from "./types";

const PAGE_SIZE = 10;

/** 宣传一批 / 通报一批 on the public portal (/lists): published entries only, no sign-in. */
export function PublicListsPage() {
  const { t } = useI18n();
  return (
    <div>
      <PortalHeader />
      <section className="portal-hero portal-hero-compact">
        <h1 data-testid="page-title">{t("privileges.public.title")}</h1>
        <p>{t("privileges.public.intro")}</p>
      </section>
      <main className="portal-body">
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <ListSection list="good" />
          </Col>
          <Col xs={24} xl={12}>
            <ListSection list="bad" />
          </Col>
        </Row>
      </main>
    </div>
  );
}

function ListSection({ list }: { list: ListKind }) {
  const { t } = useI18n();
  const [period, setPeriod] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi<PublicListPage>("/api/v1/public/lists", {
    list,
    period,
    page,
    pageSize: PAGE_SIZE,
  });
  const good = list === "good";
  return (
    <Card
      title={
        <>
          <Tag color={good ? "green" : "red"}>{t(`privileges.lists.kind.${list}`)}</Tag>
          {t(good ? "privileges.public.goodHeading" : "privileges.public.badHeading")}
        </>
      }
      extra={
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t("privileges.public.allPeriods")}
          value={period}
          onChange={(v) => {
            setPeriod(v);
            setPage(1);
          }}
          options={(data?.periods ?? []).map((p) => ({ value: p, label: p }))}
          data-testid={`public-list-period-${list}`}
        />
      }
      data-testid={`public-list-section-${list}`}
    >
      <ErrorAlert error={error} onRetry={reload} />
      <Skeleton loading={loading && !data} active>
        {data && data.items.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t(good ? "privileges.public.emptyGood" : "privileges.public.emptyBad")}
            data-testid={`public-list-empty-${list}`}
          />
        ) : (
          <ol style={{ margin: 0, padding: 0 }}>
            {(data?.items ?? []).map((entry) => (
              <li
                key={`${entry.enterpriseName}|${entry.title}|${entry.period}|${entry.publishedOn}`}
                data-testid="public-list-row"
                data-list={list}
                style={{ padding: "12px 0", borderBottom: "1px solid #f0f0f0", listStyle: "none" }}
              >
                <Typography.Text strong>{entry.enterpriseName}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {entry.title}
                </Typography.Text>
                <div style={{ margin: "4px 0" }}>{entry.reason}</div>
                <Typography.Text type="secondary">
                  {t("privileges.public.meta", { period: entry.period, date: entry.publishedOn })}
                </Typography.Text>
              </li>
            ))}
          </ol>
        )}
        {(data?.total ?? 0) > PAGE_SIZE ? (
          <Pagination
            size="small"
            style={{ marginTop: 12, textAlign: "right" }}
            current={page}
            pageSize={PAGE_SIZE}
            total={data?.total ?? 0}
            onChange={setPage}
          />
        ) : null}
      </Skeleton>
    </Card>
  );
}

import { App, Badge, Button, Card, List, Typography } from "antd";
import { Link } from "react-router-dom";
import { api } from "../../api/client";
import { useApi } from "../../api/useApi";
import { ErrorAlert, errorMessage } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDateTime } from "../../utils/format";

interface Notification {
  id: string;
  caseId: string | null;
  /** A console path (evaluation reminders link to their assessment). */
  link?: string | null;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** 消息通知: what the loop told me (new cases for my department, answers to my requests, digests). */
export function NotificationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const state = useApi<{ items: Notification[]; total: number; unread: number }>("/api/v1/notifications", {
    pageSize: 100,
  });
  const run = async (path: string) => {
    try {
      await api(path, { method: "POST" });
      state.reload();
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };
  return (
    <PageContainer
      title={t("cases.notif.title")}
      subTitle={state.data ? t("cases.notif.unread", { n: state.data.unread }) : undefined}
      extra={
        <Button onClick={() => run("/api/v1/notifications/read-all")} data-testid="notif-read-all">
          {t("cases.notif.markAll")}
        </Button>
      }
    >
      <ErrorAlert error={state.error} onRetry={state.reload} />
      <Card>
        <List
          loading={state.loading}
          dataSource={state.data?.items ?? []}
          locale={{ emptyText: t("cases.notif.empty") }}
          renderItem={(n) => (
            <List.Item
              data-testid="notification"
              actions={
                n.readAt
                  ? []
                  : [
                      <Button
                        key="read"
                        size="small"
                        onClick={() => run(`/api/v1/notifications/${n.id}/read`)}
                      >
                        {t("cases.notif.markRead")}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <>
                    {n.readAt ? null : <Badge status="processing" />}{" "}
                    {n.caseId ? (
                      <Link to={`/console/cases/${n.caseId}`}>{n.title}</Link>
                    ) : n.link ? (
                      <Link to={n.link}>{n.title}</Link>
                    ) : (
                      n.title
                    )}
                  </>
                }
                description={
                  <>
                    <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                    {n.body ? <div>{n.body}</div> : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </PageContainer>
  );
}

import { Card, Tabs } from "antd";
import { useAuth } from "../../auth/AuthProvider";
import { PageContainer } from "../../components/PageContainer";
import { ForbiddenResult } from "../../components/Results";
import { useI18n } from "../../i18n/I18nProvider";
import { CalendarTab } from "./admin/CalendarTab";
import { CategoriesTab } from "./admin/CategoriesTab";
import { DepartmentsTab } from "./admin/DepartmentsTab";
import { MailSettingsTab } from "./admin/MailSettingsTab";
import { OutboxTab } from "./admin/OutboxTab";

/** 诉求办理配置 (admin): departments and members, categories with routing and deadlines, calendar, mail. */
export function CaseAdminPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  if (user?.role !== "admin") return <ForbiddenResult />;
  return (
    <PageContainer title={t("cases.admin.title")}>
      <Card>
        <Tabs
          items={[
            { key: "departments", label: t("cases.admin.departments"), children: <DepartmentsTab /> },
            { key: "categories", label: t("cases.admin.categories"), children: <CategoriesTab /> },
            { key: "calendar", label: t("cases.admin.calendar"), children: <CalendarTab /> },
            { key: "outbox", label: t("cases.admin.outbox"), children: <OutboxTab /> },
            { key: "smtp", label: t("cases.admin.smtp"), children: <MailSettingsTab /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}

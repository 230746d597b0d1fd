import { App as AntApp, ConfigProvider, type ThemeConfig } from "antd";
import enUSLocale from "antd/locale/en_US";
import zhCNLocale from "antd/locale/zh_CN";
import { type ComponentType, lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { AuthProvider } from "./auth/AuthProvider";
import { RequireAuth, RequireCapability } from "./auth/guards";
import { FullPageSpin, NotFoundResult } from "./components/Results";
import { I18nProvider, useI18n } from "./i18n/I18nProvider";
import { ConsoleLayout } from "./layout/ConsoleLayout";
import { caseConsoleRoutes, casePublicRoutes } from "./pages/cases/routes";
import { evaluationConsoleRoutes, evaluationPublicRoutes } from "./pages/evaluations/routes";

/** Code-splits a page module exporting a named component. */
function page<K extends string>(load: () => Promise<{ [P in K]: ComponentType }>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const PortalPage = page(() => import("./pages/public/PortalPage"), "PortalPage");
const SamplingPublicPage = page(() => import("./pages/sampling/SamplingPublicPage"), "SamplingPublicPage");
const SamplingConsolePage = page(() => import("./pages/sampling/SamplingConsolePage"), "SamplingConsolePage");
const LoginPage = page(() => import("./pages/login/LoginPage"), "LoginPage");
const ConsoleHome = page(() => import("./pages/dashboard/ConsoleHome"), "ConsoleHome");
const EnterpriseListPage = page(() => import("./pages/enterprises/EnterpriseListPage"), "EnterpriseListPage");
const EnterpriseDetailPage = page(
  () => import("./pages/enterprises/EnterpriseDetailPage"),
  "EnterpriseDetailPage",
);
const ImportListPage = page(() => import("./pages/imports/ImportListPage"), "ImportListPage");
const ImportWizardPage = page(() => import("./pages/imports/ImportWizardPage"), "ImportWizardPage");
const UserListPage = page(() => import("./pages/users/UserListPage"), "UserListPage");
const AuditLogPage = page(() => import("./pages/audit/AuditLogPage"), "AuditLogPage");
const ClassListPage = page(() => import("./pages/classification/ClassListPage"), "ClassListPage");
const RuleSetPage = page(() => import("./pages/classification/RuleSetPage"), "RuleSetPage");
const EnterpriseClassPage = page(
  () => import("./pages/classification/EnterpriseClassPage"),
  "EnterpriseClassPage",
);
const LotListPage = page(() => import("./pages/lots/LotListPage"), "LotListPage");
const DeclareLotPage = page(() => import("./pages/lots/DeclareLotPage"), "DeclareLotPage");
const LotDetailPage = page(() => import("./pages/lots/LotDetailPage"), "LotDetailPage");
const TaskListPage = page(() => import("./pages/lots/TaskListPage"), "TaskListPage");
const InspectionPage = page(() => import("./pages/lots/InspectionPage"), "InspectionPage");
const PrivilegesPage = page(() => import("./pages/privileges/PrivilegesPage"), "PrivilegesPage");
const PublicListsPage = page(() => import("./pages/privileges/PublicListsPage"), "PublicListsPage");
const VideoPage = page(() => import("./pages/video/VideoPage"), "VideoPage");
const IndicatorsPage = page(() => import("./pages/indicators/IndicatorsPage"), "IndicatorsPage");

const theme: ThemeConfig = {
  token: { colorPrimary: "#1f5fa8", colorInfo: "#1f5fa8", borderRadius: 6 },
  components: { Layout: { siderBg: "#0f2a4a", triggerBg: "#0b2240" }, Menu: { darkItemBg: "#0f2a4a" } },
};

function AppRoutes() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/" element={<PortalPage />} />
        <Route path="/sampling" element={<SamplingPublicPage />} />
        <Route path="/lists" element={<PublicListsPage />} />
        {evaluationPublicRoutes}
        {casePublicRoutes}
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="/console"
          element={
            <RequireAuth>
              <ConsoleLayout />
            </RequireAuth>
          }
        >
          <Route index element={<ConsoleHome />} />
          <Route path="enterprises" element={<EnterpriseListPage />} />
          <Route path="enterprises/:id" element={<EnterpriseDetailPage />} />
          <Route
            path="imports"
            element={
              <RequireCapability capability="imports">
                <ImportListPage />
              </RequireCapability>
            }
          />
          <Route
            path="imports/new"
            element={
              <RequireCapability capability="imports">
                <ImportWizardPage />
              </RequireCapability>
            }
          />
          <Route path="sampling" element={<SamplingConsolePage />} />
          <Route
            path="classes"
            element={
              <RequireCapability capability="classes">
                <ClassListPage />
              </RequireCapability>
            }
          />
          <Route
            path="classes/rules"
            element={
              <RequireCapability capability="classRules">
                <RuleSetPage />
              </RequireCapability>
            }
          />
          <Route path="classes/:enterpriseId" element={<EnterpriseClassPage />} />
          <Route
            path="lots"
            element={
              <RequireCapability capability="lots">
                <LotListPage />
              </RequireCapability>
            }
          />
          <Route
            path="lots/new"
            element={
              <RequireCapability capability="declare">
                <DeclareLotPage />
              </RequireCapability>
            }
          />
          <Route
            path="lots/:id"
            element={
              <RequireCapability capability="lots">
                <LotDetailPage />
              </RequireCapability>
            }
          />
          <Route
            path="lots/:id/inspect"
            element={
              <RequireCapability capability="tasks">
                <InspectionPage />
              </RequireCapability>
            }
          />
          <Route
            path="tasks"
            element={
              <RequireCapability capability="tasks">
                <TaskListPage />
              </RequireCapability>
            }
          />
          <Route
            path="privileges"
            element={
              <RequireCapability capability="privileges">
                <PrivilegesPage />
              </RequireCapability>
            }
          />
          <Route
            path="video"
            element={
              <RequireCapability capability="video">
                <VideoPage />
              </RequireCapability>
            }
          />
          <Route
            path="indicators"
            element={
              <RequireCapability capability="indicators">
                <IndicatorsPage />
              </RequireCapability>
            }
          />
          <Route
            path="users"
            element={
              <RequireCapability capability="users">
                <UserListPage />
              </RequireCapability>
            }
          />
          <Route
            path="audit"
            element={
              <RequireCapability capability="audit">
                <AuditLogPage />
              </RequireCapability>
            }
          />
          {evaluationConsoleRoutes}
          {caseConsoleRoutes}
          <Route
            path="*"
            element={<NotFoundResult backTo="/console" backLabel={t("result.backConsole")} />}
          />
        </Route>
        <Route path="*" element={<NotFoundResult />} />
      </Routes>
    </Suspense>
  );
}

function LocalisedApp() {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === "zh-CN" ? zhCNLocale : enUSLocale} theme={theme}>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LocalisedApp />
    </I18nProvider>
  );
}

import {
  AuditOutlined,
  BankOutlined,
  CalculatorOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  ContainerOutlined,
  DashboardOutlined,
  LineChartOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
  VideoCameraOutlined,
} from "@ant-design/icons";
import { Avatar, Button, Flex, Layout, Menu, type MenuProps, Tag, Typography } from "antd";
import { type ReactNode, Suspense, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import type { User } from "../api/types";
import { useAuth } from "../auth/AuthProvider";
import { type Capability, can, classesHome, enterprisesHome } from "../auth/permissions";
import { FullPageSpin } from "../components/Results";
import { type MessageKey, useI18n } from "../i18n/I18nProvider";
import { caseMenu } from "../pages/cases/menu";
import { evaluationMenu } from "../pages/evaluations/menu";
import { Breadcrumbs } from "./Breadcrumbs";
import { LanguageSwitch } from "./LanguageSwitch";
import { Logo } from "./Logo";

export interface MenuEntry {
  key: string;
  path: (user: User) => string;
  label: MessageKey;
  icon: ReactNode;
  capability?: Capability;
  /** Shown when this holds (instead of, or besides, a capability). */
  show?: (user: User) => boolean;
}

const CORE_MENU: MenuEntry[] = [
  { key: "home", path: () => "/console", label: "nav.home", icon: <DashboardOutlined /> },
  { key: "enterprises", path: enterprisesHome, label: "nav.enterprises", icon: <BankOutlined /> },
  {
    key: "imports",
    path: () => "/console/imports",
    label: "nav.imports",
    icon: <CloudUploadOutlined />,
    capability: "imports",
  },
  {
    key: "lots",
    path: () => "/console/lots",
    label: "nav.lots",
    icon: <ContainerOutlined />,
    capability: "lots",
  },
  {
    key: "tasks",
    path: () => "/console/tasks",
    label: "nav.tasks",
    icon: <CarryOutOutlined />,
    capability: "tasks",
  },
  {
    key: "classes",
    path: classesHome,
    label: "nav.classes",
    icon: <SafetyCertificateOutlined />,
    show: (user) => can(user, "classes") || (user.role === "enterprise" && user.enterpriseId !== null),
  },
  {
    key: "privileges",
    path: () => "/console/privileges",
    label: "nav.privileges",
    icon: <TrophyOutlined />,
    capability: "privileges",
  },
  {
    key: "video",
    path: () => "/console/video",
    label: "nav.video",
    icon: <VideoCameraOutlined />,
    capability: "video",
  },
  {
    key: "indicators",
    path: () => "/console/indicators",
    label: "nav.indicators",
    icon: <LineChartOutlined />,
    capability: "indicators",
  },
  { key: "sampling", path: () => "/console/sampling", label: "nav.sampling", icon: <CalculatorOutlined /> },
  {
    key: "users",
    path: () => "/console/users",
    label: "nav.users",
    icon: <TeamOutlined />,
    capability: "users",
  },
  {
    key: "audit",
    path: () => "/console/audit",
    label: "nav.audit",
    icon: <AuditOutlined />,
    capability: "audit",
  },
];

/** Modules of issues 4 and 5 declare their own menu entries beside their pages. */
const MENU: MenuEntry[] = [...CORE_MENU, ...evaluationMenu, ...caseMenu];

function selectedKey(pathname: string): string {
  const section = pathname.split("/")[2];
  return MENU.some((m) => m.key === section) ? (section as string) : "home";
}

function HeaderBar({ user }: { user: User }) {
  const { t } = useI18n();
  const { logout } = useAuth();
  // the guard sends the signed-out user to /login
  const onLogout = () => logout().catch(() => undefined);

  return (
    <Flex align="center" gap={12}>
      <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: "#1f5fa8" }} />
      <Typography.Text data-testid="current-user">{user.displayName}</Typography.Text>
      <Tag color="blue" data-testid="current-role">
        {t(`role.${user.role}`)}
      </Tag>
      <LanguageSwitch />
      <Button type="text" icon={<LogoutOutlined />} onClick={onLogout} data-testid="logout-button">
        {t("auth.logout")}
      </Button>
    </Flex>
  );
}

/** Ant Design Pro-like shell: side menu by module (filtered by role), header, breadcrumbs, content. */
export function ConsoleLayout() {
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  if (!user) return null;

  const entries = MENU.filter((m) => (!m.capability || can(user, m.capability)) && (!m.show || m.show(user)));
  const items: MenuProps["items"] = entries.map((m) => ({
    key: m.key,
    icon: m.icon,
    label: <span data-testid={`menu-${m.key}`}>{t(m.label)}</span>,
  }));
  const onMenuClick: MenuProps["onClick"] = ({ key }) => {
    const entry = entries.find((m) => m.key === key);
    if (entry) navigate(entry.path(user));
  };

  return (
    <Layout className="console-layout">
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={216} breakpoint="lg">
        <Logo to="/console" compact={collapsed} />
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedKey(pathname)]}
          items={items}
          onClick={onMenuClick}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <HeaderBar user={user} />
        </Layout.Header>
        <Layout.Content className="console-content">
          <Breadcrumbs />
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer className="console-footer">{t("app.footer")}</Layout.Footer>
      </Layout>
    </Layout>
  );
}

import {
  BellOutlined,
  CommentOutlined,
  FundOutlined,
  SettingOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { MenuEntry } from "../../layout/ConsoleLayout";

const staff = (role: string) => role !== "enterprise";
const coordinator = (role: string) => role === "admin" || role === "regulator";

/** Side-menu entries of the cases pages (key = the first path segment after /console). */
export const caseMenu: MenuEntry[] = [
  { key: "cases", path: () => "/console/cases", label: "cases.nav.cases", icon: <CommentOutlined /> },
  {
    key: "salons",
    path: () => "/console/salons",
    label: "cases.nav.salons",
    icon: <TeamOutlined />,
    show: (u) => staff(u.role),
  },
  {
    key: "case-dashboard",
    path: () => "/console/case-dashboard",
    label: "cases.nav.dashboard",
    icon: <FundOutlined />,
    show: (u) => staff(u.role),
  },
  {
    key: "notifications",
    path: () => "/console/notifications",
    label: "cases.nav.notifications",
    icon: <BellOutlined />,
  },
  {
    key: "case-admin",
    path: () => "/console/case-admin",
    label: "cases.nav.admin",
    icon: <SettingOutlined />,
    show: (u) => u.role === "admin" && coordinator(u.role),
  },
];

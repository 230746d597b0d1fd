import { ClockCircleOutlined, ProfileOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import type { MenuEntry } from "../../layout/ConsoleLayout";

const SYSTEM_READERS = ["admin", "regulator", "inspector", "lab", "association"];
const LABOUR_CHECKERS = ["admin", "regulator", "association", "enterprise"];

/** Side-menu entries of the evaluations pages (key = the first path segment after /console). */
export const evaluationMenu: MenuEntry[] = [
  {
    key: "evaluations",
    path: () => "/console/evaluations",
    label: "evaluations.nav.programme",
    icon: <SafetyCertificateOutlined />,
  },
  {
    key: "evaluation-systems",
    path: () => "/console/evaluation-systems",
    label: "evaluations.nav.systems",
    icon: <ProfileOutlined />,
    show: (u) => SYSTEM_READERS.includes(u.role),
  },
  {
    key: "labour",
    path: () => "/console/labour",
    label: "evaluations.nav.labour",
    icon: <ClockCircleOutlined />,
    show: (u) => LABOUR_CHECKERS.includes(u.role),
  },
];

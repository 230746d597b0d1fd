import { Breadcrumb } from "antd";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router-dom";
import { type MessageKey, useI18n } from "../i18n/I18nProvider";
import { caseMenu } from "../pages/cases/menu";
import { evaluationMenu } from "../pages/evaluations/menu";

const SECTIONS: Record<string, MessageKey> = {
  enterprises: "nav.enterprises",
  imports: "nav.imports",
  sampling: "nav.sampling",
  users: "nav.users",
  audit: "nav.audit",
  lots: "nav.lots",
  tasks: "nav.tasks",
  classes: "nav.classes",
  privileges: "nav.privileges",
  video: "nav.video",
  indicators: "nav.indicators",
};

const SUBPAGES: Record<string, MessageKey> = {
  "imports/new": "imports.wizard.title",
  "enterprises/*": "enterprise.detail.title",
  "lots/new": "breadcrumb.declareLot",
  "lots/*": "breadcrumb.lot",
  "classes/rules": "breadcrumb.classRules",
  "classes/*": "breadcrumb.enterpriseClass",
  "evaluations/assessments": "evaluations.assessment.title",
  "evaluation-systems/*": "systemEditor.title",
};

/** 首页 / section / sub-page, derived from the console path. */
export function Breadcrumbs() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [section, sub] = pathname
    .replace(/^\/console\/?/, "")
    .split("/")
    .filter(Boolean);
  const items: { title: ReactNode }[] = [{ title: <Link to="/console">{t("nav.home")}</Link> }];
  const sectionKey = section
    ? (SECTIONS[section] ?? [...evaluationMenu, ...caseMenu].find((m) => m.key === section)?.label)
    : undefined;
  if (section && sectionKey) {
    items.push({ title: sub ? <Link to={`/console/${section}`}>{t(sectionKey)}</Link> : t(sectionKey) });
    const subKey = sub ? (SUBPAGES[`${section}/${sub}`] ?? SUBPAGES[`${section}/*`]) : undefined;
    if (subKey) items.push({ title: t(subKey) });
  }
  return <Breadcrumb items={items} className="breadcrumbs" data-testid="breadcrumbs" />;
}

import { Link } from "react-router-dom";
import { useI18n } from "../i18n/I18nProvider";

/** "经纬 Jingwei" word mark; `compact` shows only the mark (collapsed side menu). */
export function Logo({
  to = "/",
  compact = false,
  light = true,
}: {
  to?: string;
  compact?: boolean;
  light?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Link to={to} className={`logo${light ? " logo-light" : ""}`} aria-label={t("app.name")}>
      <span className="logo-mark">经</span>
      {compact ? null : <span className="logo-text">{t("app.name")}</span>}
    </Link>
  );
}

import { GlobalOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useI18n } from "../i18n/I18nProvider";

/** Toggles zh-CN ⇄ en-US; the label names the language switched to. */
export function LanguageSwitch({ onDark = false }: { onDark?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      style={onDark ? { color: "rgba(255,255,255,0.9)" } : undefined}
      onClick={() => setLocale(locale === "zh-CN" ? "en-US" : "zh-CN")}
      title={t("lang.switch")}
      data-testid="language-switch"
    >
      {t("lang.other")}
    </Button>
  );
}

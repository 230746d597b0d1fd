import { Button, Result, Spin } from "antd";
import { useNavigate } from "react-router-dom";
import { useI18n } from "../i18n/I18nProvider";

export function FullPageSpin() {
  return (
    <div style={{ display: "flex", minHeight: "60vh", alignItems: "center", justifyContent: "center" }}>
      <Spin size="large" />
    </div>
  );
}

export function ForbiddenResult() {
  const { t } = useI18n();
  return <Result status="403" title="403" subTitle={t("result.forbidden")} data-testid="result-403" />;
}

interface NotFoundProps {
  subTitle?: string;
  backTo?: string;
  backLabel?: string;
}

export function NotFoundResult({ subTitle, backTo = "/", backLabel }: NotFoundProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={subTitle ?? t("result.notFound")}
      data-testid="result-404"
      extra={
        <Button type="primary" onClick={() => navigate(backTo)}>
          {backLabel ?? t("result.backHome")}
        </Button>
      }
    />
  );
}

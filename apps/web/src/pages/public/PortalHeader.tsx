import { LoginOutlined } from "@ant-design/icons";
import { Button, Flex } from "antd";
import { NavLink, useNavigate } from "react-router-dom";
import { useAuth } from "../../auth/AuthProvider";
import { useI18n } from "../../i18n/I18nProvider";
import { LanguageSwitch } from "../../layout/LanguageSwitch";
import { Logo } from "../../layout/Logo";

/** The public portal's header: logo, the portal's pages, language, sign-in (or back to the console). */
export function PortalHeader() {
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  return (
    <header className="portal-header">
      <Flex align="center" gap={24}>
        <Logo />
        <nav className="portal-nav">
          <NavLink to="/" end data-testid="portal-nav-home">
            {t("portal.nav.home")}
          </NavLink>
          <NavLink to="/sampling" data-testid="portal-nav-sampling">
            {t("portal.nav.sampling")}
          </NavLink>
          <NavLink to="/lists" data-testid="portal-nav-lists">
            {t("privileges.portal.nav")}
          </NavLink>
          <NavLink to="/cases/new" data-testid="portal-nav-case-new">
            {t("portal.nav.caseNew")}
          </NavLink>
          <NavLink to="/cases/track" data-testid="portal-nav-case-track">
            {t("portal.nav.caseTrack")}
          </NavLink>
        </nav>
      </Flex>
      <Flex gap={8} align="center">
        <LanguageSwitch onDark />
        <Button
          type="primary"
          icon={<LoginOutlined />}
          onClick={() => navigate(user ? "/console" : "/login")}
          data-testid="portal-login-button"
        >
          {user ? t("portal.enterConsole") : t("auth.signIn")}
        </Button>
      </Flex>
    </header>
  );
}

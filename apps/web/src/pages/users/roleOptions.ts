import { ROLES } from "../../auth/permissions";
import type { Translate } from "../../i18n/I18nProvider";

export function roleOptions(t: Translate) {
  return ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));
}

// ISO 3166-1 alpha-2, the 249 officially assigned codes: the same list the server checks
// (apps/server/src/modules/lots/countries.ts). Names come from the browser (Intl.DisplayNames).

export const COUNTRY_CODES: readonly string[] = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY " +
  "BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK " +
  "FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR " +
  "IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK " +
  "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM " +
  "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF " +
  "TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
).split(" ");

/** Mainland China is not an export destination. */
export const DESTINATION_CODES = COUNTRY_CODES.filter((c) => c !== "CN");

/** Chinese names as used in official Chinese texts, where the browser's default differs. */
const ZH_OVERRIDES: Record<string, string> = { HK: "中国香港", MO: "中国澳门", TW: "中国台湾" };

/** Main export markets first in the select, then the rest alphabetically by name. */
const FREQUENT = ["US", "JP", "DE", "GB", "KR", "AU", "FR", "IT", "NL", "CA", "ES", "RU", "AE", "HK"];

export function countryName(code: string, locale: string): string {
  if (locale === "zh-CN" && ZH_OVERRIDES[code]) return ZH_OVERRIDES[code];
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryOptions(locale: string): { value: string; label: string }[] {
  const names = new Map(DESTINATION_CODES.map((c) => [c, countryName(c, locale)]));
  const rest = DESTINATION_CODES.filter((c) => !FREQUENT.includes(c)).sort((a, b) =>
    (names.get(a) ?? a).localeCompare(names.get(b) ?? b, locale),
  );
  return [...FREQUENT, ...rest].map((c) => ({ value: c, label: `${names.get(c) ?? c} (${c})` }));
}

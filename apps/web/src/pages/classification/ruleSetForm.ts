import { toNamePath } from "../../components/formErrors";
import { isMessageKey, type MessageKey, type Translate } from "../../i18n/I18nProvider";
import { elementName, metricName } from "./trace";
import type { Rules, SignalRule } from "./types";

// The rule-set editor's form holds { version, note, rules }; issue paths of validateRuleSet ("bands[2].min",
// "modeMatrix.II.low") name fields under `rules`.

export interface RuleSetFormValues {
  version: string;
  note: string | null;
  rules: Rules;
}

/** The antd name path of a rule-set issue path. */
export function issueNamePath(path: string): (string | number)[] {
  return ["rules", ...toNamePath(path)];
}

const SECTION_KEYS: Record<string, MessageKey> = {
  elements: "rules.tab.elements",
  bands: "rules.tab.bands",
  signalRules: "rules.tab.signals",
  modeMatrix: "rules.tab.modes",
  samplingShares: "rules.tab.shares",
  version: "rules.column.version",
};

const LEAF_KEYS: Record<string, MessageKey> = {
  weight: "classPage.checklist.weight",
  maxScore: "classPage.checklist.maxScore",
  class: "rules.band.class",
  min: "rules.band.min",
  max: "rules.band.max",
  id: "rules.signal.id",
  metric: "rules.signal.metric",
  windowMonths: "rules.signal.window",
  comparison: "rules.signal.comparison",
  threshold: "rules.signal.threshold",
  effect: "rules.signal.effect",
  steps: "rules.signal.target",
};

/** "bands[2].min" → "分数段 #3 下限（含）"; "modeMatrix.II.low" → "监管模式矩阵 二类 低风险". */
export function issuePathLabel(path: string, rules: Rules | undefined, t: Translate): string {
  const parts = toNamePath(path);
  const [section, ...rest] = parts;
  const words: string[] = [];
  const sectionKey = typeof section === "string" ? SECTION_KEYS[section] : undefined;
  words.push(sectionKey ? t(sectionKey) : String(section ?? path));
  for (const [i, part] of rest.entries()) {
    if (typeof part === "number") {
      if (section === "elements" && i === 0) {
        const id = rules?.elements[part]?.id;
        words.push(id ? elementName(id, t) : `#${part + 1}`);
      } else if (section === "signalRules" && i === 0) {
        words.push(rules?.signalRules[part]?.id ?? `#${part + 1}`);
      } else words.push(`#${part + 1}`);
    } else if (section === "modeMatrix") {
      const key = i === 0 ? `class.${part}` : `risk.${part}`;
      words.push(isMessageKey(key) ? t(key) : part);
    } else if (section === "samplingShares") {
      const key = `mode.${part}`;
      words.push(isMessageKey(key) ? t(key) : part);
    } else {
      const key = LEAF_KEYS[part];
      words.push(key ? t(key) : part);
    }
  }
  return words.join(" ");
}

/** Only the field of the effect's kind is sent: a class for caps and floors, steps for demotions. */
function cleanRule(r: SignalRule): SignalRule {
  const effect =
    r.effect.kind === "demoteBy"
      ? { kind: r.effect.kind, steps: r.effect.steps ?? 1 }
      : { kind: r.effect.kind, class: r.effect.class ?? "III" };
  return { ...r, effect };
}

/** Form values → the API's rules (numbers left as typed; the server validates them). */
export function rulesForApi(rules: Rules): Rules {
  const { version: _version, ...rest } = rules;
  return { ...rest, signalRules: (rules.signalRules ?? []).map(cleanRule) };
}

export function signalRuleLabel(r: SignalRule, t: Translate): string {
  return `${r.id} · ${metricName(r.metric, t)}`;
}

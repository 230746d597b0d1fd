import {
  type ClassificationRuleSet,
  drawForInspection,
  type EnterpriseClass,
  type ProductRisk,
  type SupervisionMode,
  supervisionMode,
} from "@jingwei/rules";
import type { DecisionReason } from "./schemas.ts";

// The decision taken when a lot is declared (docs/supervision.md, "Lot decision at declaration"): pure, so the
// same inputs always give the same decision and its reason.

/**
 * The standard inspection fee of one export lot, in CNY, recorded as waived on a lot released without
 * inspection. An ASSUMPTION (unverified): no public tariff is in force since export inspection fees were
 * abolished; the figure only makes the benefit of a good class visible in the indicators.
 */
export const STANDARD_INSPECTION_FEE_CNY = 300;

export interface DecisionInput {
  rules: ClassificationRuleSet;
  ruleSetVersion: string;
  enterpriseClass: EnterpriseClass;
  risk: ProductRisk;
  /** An approved exemption (免验) in force today for the enterprise × category, or null. */
  exemption: { validTo: string | null } | null;
  declarationNo: string;
  /** YYYY-MM-DD, China time: part of the draw's seed. */
  declaredOn: string;
}

export interface LotDecision {
  mode: SupervisionMode;
  /** The share actually applied: 0 when released without a draw, 1 when every lot is inspected. */
  samplingShare: number;
  draw: { seed: string; value: number; hash: string } | null;
  decision: "release" | "inspect";
  reason: DecisionReason;
  feeWaived: number;
  status: "released" | "awaiting_inspection";
}

const MODE_WORDS: Record<SupervisionMode, string> = {
  verification: "verification supervision",
  general: "general supervision",
  stringent: "stringent supervision",
  special: "special supervision",
};

/** The seed of a draw: the rule set in force and the day, so a draw can be recomputed and not re-rolled. */
export function drawSeed(ruleSetVersion: string, declaredOn: string): string {
  return `${ruleSetVersion}/${declaredOn}`;
}

export function decideLot(input: DecisionInput): LotDecision {
  const { mode, samplingShare } = supervisionMode(input.rules, input.enterpriseClass, input.risk);
  const base = { class: input.enterpriseClass, risk: input.risk, mode };
  const head = `Class ${input.enterpriseClass} × ${input.risk} risk → ${MODE_WORDS[mode]}`;
  const release = (key: string, params: Record<string, string | number>, text: string, share = 0) => ({
    mode,
    samplingShare: share,
    draw: null,
    decision: "release" as const,
    reason: { key, params: { ...base, ...params }, text },
    feeWaived: STANDARD_INSPECTION_FEE_CNY,
    status: "released" as const,
  });
  const inspect = (key: string, text: string, share: number, draw: LotDecision["draw"] = null) => ({
    mode,
    samplingShare: share,
    draw,
    decision: "inspect" as const,
    reason: {
      key,
      params: draw
        ? { ...base, draw: draw.value.toFixed(4), share: share.toFixed(2), hash: draw.hash }
        : base,
      text,
    },
    feeWaived: 0,
    status: "awaiting_inspection" as const,
  });

  if (input.exemption) {
    const validTo = input.exemption.validTo ?? "";
    return release(
      "lots.reason.exemption",
      { validTo },
      `${head}; inspection exemption (免验) in force${validTo ? ` until ${validTo}` : ""}: released without inspection.`,
    );
  }
  switch (mode) {
    case "verification":
      return release("lots.reason.verification", {}, `${head}: released on documents, no inspection.`);
    case "general": {
      const seed = drawSeed(input.ruleSetVersion, input.declaredOn);
      const d = drawForInspection({ seed, lotId: input.declarationNo, share: samplingShare });
      const draw = { seed, value: d.value, hash: d.hash };
      const figures = `draw ${d.value.toFixed(4)} ${d.selected ? "<" : "≥"} share ${samplingShare.toFixed(2)}, hash ${d.hash}`;
      if (d.selected)
        return inspect(
          "lots.reason.generalDrawn",
          `${head}: drawn for inspection (${figures}).`,
          samplingShare,
          draw,
        );
      const released = release(
        "lots.reason.generalNotDrawn",
        { draw: d.value.toFixed(4), share: samplingShare.toFixed(2), hash: d.hash },
        `${head}: not drawn, released without inspection (${figures}).`,
        samplingShare,
      );
      return { ...released, draw };
    }
    case "stringent":
      return inspect(
        "lots.reason.stringent",
        `${head}: every lot is inspected by AQL sampling.`,
        samplingShare,
      );
    case "special":
      return inspect(
        "lots.reason.special",
        `${head}: every lot is inspected in full (100 %).`,
        samplingShare,
      );
  }
}

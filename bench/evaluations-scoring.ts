// Issue 4: "score 10,000 assessments of 44 indicators ≤ 5 s": scoreAssessment (packages/rules) on the shipped star
// rating system (11 categories, 44 indicators), answers drawn per assessment around a maturity of its own.
import {
  type AnswerEntry,
  type AnswerValue,
  type AssessmentAnswers,
  allIndicators,
  type Indicator,
  prepareSystem,
  STAR_RATING_SYSTEM,
  scoreAssessment,
  scorePrepared,
  seededRandom,
} from "@jingwei/rules";
import { type Timed, timed } from "./evaluations-timesheet.ts";

export interface ScoringOutcome {
  system: string;
  indicators: number;
  assessments: number;
  /** scoreAssessment per assessment, as the server's rescore calls it (the system validated each time). */
  perCall: Timed;
  /** prepareSystem once, then scorePrepared per assessment (a batch's way). */
  prepared: Timed;
  complete: number;
  levels: Record<string, number>;
  overruled: number;
  notApplicable: number;
}

/** A value an enterprise of this maturity (0–1) would give, sometimes not applicable where allowed. */
function answer(ind: Indicator, m: number, rand: () => number): AnswerValue | undefined {
  if (ind.allowNotApplicable && rand() < 0.05) return null;
  const good = rand() < m;
  switch (ind.type) {
    case "yesPartialNo":
      return good ? "yes" : rand() < 0.5 ? "partial" : "no";
    case "number": {
      const lo = ind.min ?? 0;
      const hi = ind.max ?? Math.max(lo + 100, ...ind.scoring.steps.map((s) => s.threshold * 1.5));
      const v =
        lo + (hi - lo) * (ind.scoring.direction === "higherIsBetter" ? m : 1 - m) * (0.7 + 0.6 * rand());
      const x = Math.min(hi, Math.max(lo, v));
      return ind.integer ? Math.round(x) : Math.round(x * 100) / 100;
    }
    case "singleChoice": {
      const sorted = [...ind.options].sort((a, b) => a.points - b.points);
      const i = Math.min(sorted.length - 1, Math.floor((m * 0.8 + rand() * 0.4) * sorted.length));
      return sorted[i]?.id;
    }
    case "multiChoice":
      return ind.options.filter(() => rand() < m).map((o) => o.id);
    case "file":
      return good ? Array.from({ length: Math.max(1, ind.minFiles) }, (_, k) => `file-${k}`) : [];
    case "computed":
      return undefined;
  }
}

/** Answers of `count` assessments: the self-assessment, and one in ten values overruled by the auditor. */
export function starRatingAnswers(
  count: number,
): { answers: AssessmentAnswers; metrics: Record<string, number> }[] {
  const rand = seededRandom(44);
  const indicators = allIndicators(STAR_RATING_SYSTEM).map((x) => x.indicator);
  const out: { answers: AssessmentAnswers; metrics: Record<string, number> }[] = [];
  for (let k = 0; k < count; k++) {
    const m = 0.3 + 0.65 * rand();
    const answers: Record<string, AnswerEntry> = {};
    for (const ind of indicators) {
      const self = answer(ind, m, rand);
      if (self === undefined) continue;
      if (rand() < 0.1) {
        const auditor = answer(ind, m * 0.8, rand);
        if (auditor !== undefined) {
          answers[ind.id] = { self, auditor, overruleReason: "现场核查与自评不符" };
          continue;
        }
      }
      answers[ind.id] = { self };
    }
    out.push({ answers, metrics: { "labour.socialInsuranceCoverage": Math.round(60 + 40 * m * rand()) } });
  }
  return out;
}

export async function runScoring(assessments: number, log: (s: string) => void): Promise<ScoringOutcome> {
  const inputs = starRatingAnswers(assessments);
  const indicators = allIndicators(STAR_RATING_SYSTEM).length;
  log(`scoring: ${assessments} assessments of ${indicators} indicators`);
  const levels: Record<string, number> = {};
  let complete = 0;
  const perCall = await timed(async () => {
    for (const { answers, metrics } of inputs) {
      const s = scoreAssessment(STAR_RATING_SYSTEM, answers, { metrics });
      if (!s.ok) throw new Error("the star rating system does not validate");
      const level = s.overall.level ?? "none";
      levels[level] = (levels[level] ?? 0) + 1;
      if (s.complete) complete++;
    }
  });
  log(`scoring: scoreAssessment ${(perCall.t.wallMs / 1000).toFixed(2)} s`);
  const prepared = await timed(async () => {
    const p = prepareSystem(STAR_RATING_SYSTEM);
    if (!p.ok) throw new Error("the star rating system does not validate");
    for (const { answers, metrics } of inputs) scorePrepared(p.prepared, answers, { metrics });
  });
  log(`scoring: prepareSystem + scorePrepared ${(prepared.t.wallMs / 1000).toFixed(2)} s`);
  const entries = inputs.flatMap((x) => Object.values(x.answers));
  return {
    system: `${STAR_RATING_SYSTEM.id} ${STAR_RATING_SYSTEM.version}`,
    indicators,
    assessments,
    perCall: perCall.t,
    prepared: prepared.t,
    complete,
    levels,
    overruled: entries.filter((e) => e.auditor !== undefined).length,
    notApplicable: entries.filter((e) => e.self === null).length,
  };
}

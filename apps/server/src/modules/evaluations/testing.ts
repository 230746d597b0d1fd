import { allIndicators, type EvaluationSystem, type Indicator } from "@jingwei/rules";

// Test helpers: a full, passing self-assessment for any system.

/** A value that earns full points (files: the given attachment ids). */
export function passingValue(ind: Indicator, fileIds: string[]): unknown {
  switch (ind.type) {
    case "yesPartialNo":
      return "yes";
    case "number": {
      const best = [...ind.scoring.steps].sort((a, b) => b.points - a.points)[0];
      return best ? best.threshold : (ind.min ?? 0);
    }
    case "singleChoice":
      return [...ind.options].sort((a, b) => b.points - a.points)[0]?.id;
    case "multiChoice":
      return ind.options.map((o) => o.id);
    case "file":
      return fileIds.slice(0, Math.max(1, ind.minFiles));
    case "computed":
      return undefined;
  }
}

export function passingAnswers(
  system: EvaluationSystem,
  fileIds: string[],
): Record<string, { value: unknown }> {
  const out: Record<string, { value: unknown }> = {};
  for (const { indicator } of allIndicators(system)) {
    const value = passingValue(indicator, fileIds);
    if (value !== undefined) out[indicator.id] = { value };
  }
  return out;
}

/** The smallest PNG: evidence files are sniffed by their bytes. */
export const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082",
  "hex",
);

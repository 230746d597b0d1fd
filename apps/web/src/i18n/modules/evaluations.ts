// Messages of the evaluations pages; the English table must have exactly the Chinese table's keys.

export const zhEvaluations = {} as const;

export const enEvaluations: Record<keyof typeof zhEvaluations, string> = {};

// Messages of the evaluationEditor pages; the English table must have exactly the Chinese table's keys.

export const zhEvaluationEditor = {} satisfies Record<string, string>;

export const enEvaluationEditor: Record<keyof typeof zhEvaluationEditor, string> = {};

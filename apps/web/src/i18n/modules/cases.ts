// Messages of the cases pages; the English table must have exactly the Chinese table's keys.

export const zhCases = {} as const;

export const enCases: Record<keyof typeof zhCases, string> = {};

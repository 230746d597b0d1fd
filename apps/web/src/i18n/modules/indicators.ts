// Messages of the indicators pages; the English table must have exactly the Chinese table's keys.

export const zhIndicators = {} as const;

export const enIndicators: Record<keyof typeof zhIndicators, string> = {};

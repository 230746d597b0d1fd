// Messages of the lots pages; the English table must have exactly the Chinese table's keys.

export const zhLots = {} as const;

export const enLots: Record<keyof typeof zhLots, string> = {};

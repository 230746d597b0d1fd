// Messages of the labourTrends pages; the English table must have exactly the Chinese table's keys.

export const zhLabourTrends = {} satisfies Record<string, string>;

export const enLabourTrends: Record<keyof typeof zhLabourTrends, string> = {};

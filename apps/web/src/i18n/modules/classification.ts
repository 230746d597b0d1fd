// Messages of the classification pages; the English table must have exactly the Chinese table's keys.

export const zhClassification = {} as const;

export const enClassification: Record<keyof typeof zhClassification, string> = {};

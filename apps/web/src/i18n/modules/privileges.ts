// Messages of the privileges pages; the English table must have exactly the Chinese table's keys.

export const zhPrivileges = {} as const;

export const enPrivileges: Record<keyof typeof zhPrivileges, string> = {};

// Messages of the video pages; the English table must have exactly the Chinese table's keys.

export const zhVideo = {} as const;

export const enVideo: Record<keyof typeof zhVideo, string> = {};

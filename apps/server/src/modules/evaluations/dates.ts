import { ratingValidUntil } from "@jingwei/rules";

/** The last day a rating given on `ratedOn` stands (the rules' ratingValidUntil), or null. */
export function ratingValidUntilOf(ratedOn: string, months: number): string | null {
  return ratingValidUntil(ratedOn, months) ?? null;
}

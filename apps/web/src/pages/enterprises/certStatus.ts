import type { StatusKey } from "../../components/StatusTag";
import { daysUntil } from "../../utils/format";

export const EXPIRY_WARNING_DAYS = 90;

/** valid / expiring within 90 days / expired; `cert.open` when there is no end date. */
export function certStatus(validTo: string | null | undefined): StatusKey {
  if (!validTo) return "cert.open";
  const days = daysUntil(validTo);
  if (days < 0) return "cert.expired";
  return days <= EXPIRY_WARNING_DAYS ? "cert.expiring" : "cert.valid";
}

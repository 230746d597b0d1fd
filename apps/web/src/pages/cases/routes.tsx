import { type ComponentType, lazy, type ReactElement } from "react";
import { Route } from "react-router-dom";

/** Code-splits a page module exporting a named component. */
function page<K extends string>(load: () => Promise<{ [P in K]: ComponentType }>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const CaseSubmitPage = page(() => import("./CaseSubmitPage"), "CaseSubmitPage");
const CaseTrackPage = page(() => import("./CaseTrackPage"), "CaseTrackPage");
const CaseListPage = page(() => import("./CaseListPage"), "CaseListPage");
const CaseDetailPage = page(() => import("./CaseDetailPage"), "CaseDetailPage");
const SalonsPage = page(() => import("./SalonsPage"), "SalonsPage");
const SalonDetailPage = page(() => import("./SalonDetailPage"), "SalonDetailPage");
const CaseDashboardPage = page(() => import("./CaseDashboardPage"), "CaseDashboardPage");
const CaseAdminPage = page(() => import("./CaseAdminPage"), "CaseAdminPage");
const NotificationsPage = page(() => import("./NotificationsPage"), "NotificationsPage");

/** Console routes of the cases pages, mounted under /console by App.tsx (use lazy() for the pages). */
export const caseConsoleRoutes: ReactElement[] = [
  <Route key="cases" path="cases" element={<CaseListPage />} />,
  <Route key="cases-detail" path="cases/:id" element={<CaseDetailPage />} />,
  <Route key="salons" path="salons" element={<SalonsPage />} />,
  <Route key="salons-detail" path="salons/:id" element={<SalonDetailPage />} />,
  <Route key="case-dashboard" path="case-dashboard" element={<CaseDashboardPage />} />,
  <Route key="case-admin" path="case-admin" element={<CaseAdminPage />} />,
  <Route key="notifications" path="notifications" element={<NotificationsPage />} />,
];

/** Public routes (no sign-in), mounted at the root. */
export const casePublicRoutes: ReactElement[] = [
  <Route key="cases-new" path="/cases/new" element={<CaseSubmitPage />} />,
  <Route key="cases-track" path="/cases/track" element={<CaseTrackPage />} />,
];

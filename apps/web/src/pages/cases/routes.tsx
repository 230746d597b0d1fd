import type { ReactElement } from "react";

/** Console routes of the cases pages, mounted under /console by App.tsx (use lazy() for the pages). */
export const caseConsoleRoutes: ReactElement[] = [];

/** Public routes (no sign-in), mounted at the root. */
export const casePublicRoutes: ReactElement[] = [];

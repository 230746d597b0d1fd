import type { ReactElement } from "react";

/** Console routes of the evaluations pages, mounted under /console by App.tsx (use lazy() for the pages). */
export const evaluationConsoleRoutes: ReactElement[] = [];

/** Public routes (no sign-in), mounted at the root. */
export const evaluationPublicRoutes: ReactElement[] = [];

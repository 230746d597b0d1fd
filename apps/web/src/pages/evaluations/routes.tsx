import { type ComponentType, lazy, type ReactElement } from "react";
import { Route } from "react-router-dom";

/** Code-splits a page module exporting a named component. */
function page<K extends string>(load: () => Promise<{ [P in K]: ComponentType }>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const ProgrammePage = page(() => import("./ProgrammePage"), "ProgrammePage");
const AssessmentPage = page(() => import("./AssessmentPage"), "AssessmentPage");
const SystemsPage = page(() => import("./SystemsPage"), "SystemsPage");
const SystemEditorPage = page(() => import("./SystemEditorPage"), "SystemEditorPage");
const LabourCheckPage = page(() => import("./LabourCheckPage"), "LabourCheckPage");

/** Console routes of the evaluations pages, mounted under /console by App.tsx (use lazy() for the pages). */
export const evaluationConsoleRoutes: ReactElement[] = [
  <Route key="evaluations" path="evaluations" element={<ProgrammePage />} />,
  <Route key="evaluations-assessment" path="evaluations/assessments/:id" element={<AssessmentPage />} />,
  <Route key="evaluation-systems" path="evaluation-systems" element={<SystemsPage />} />,
  <Route key="evaluation-system" path="evaluation-systems/:id" element={<SystemEditorPage />} />,
  <Route key="labour" path="labour" element={<LabourCheckPage />} />,
];

/** Public routes (no sign-in), mounted at the root. */
export const evaluationPublicRoutes: ReactElement[] = [];

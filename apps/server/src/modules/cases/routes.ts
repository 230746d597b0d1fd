import type { App, ModuleDeps } from "../../platform/http.ts";

export async function caseRoutes(_app: App, _deps: ModuleDeps) {}

import type { App, ModuleDeps } from "../../platform/http.ts";

export async function evaluationRoutes(_app: App, _deps: ModuleDeps) {}

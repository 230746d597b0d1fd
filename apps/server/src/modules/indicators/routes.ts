import type { App, ModuleDeps } from "../../platform/http.ts";

export async function indicatorRoutes(_app: App, _deps: ModuleDeps) {}

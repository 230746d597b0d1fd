import type { App, ModuleDeps } from "../../platform/http.ts";

export async function lotRoutes(_app: App, _deps: ModuleDeps) {}

import type { App, ModuleDeps } from "../../platform/http.ts";

export async function videoRoutes(_app: App, _deps: ModuleDeps) {}

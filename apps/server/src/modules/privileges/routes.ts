import type { App, ModuleDeps } from "../../platform/http.ts";

export async function privilegeRoutes(_app: App, _deps: ModuleDeps) {}

import type { App, ModuleDeps } from "../../platform/http.ts";

export async function labourRoutes(_app: App, _deps: ModuleDeps) {}

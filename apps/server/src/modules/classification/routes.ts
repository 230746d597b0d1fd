import type { App, ModuleDeps } from "../../platform/http.ts";

export async function classificationRoutes(_app: App, _deps: ModuleDeps) {}

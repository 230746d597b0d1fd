import type { App, ModuleDeps } from "../../platform/http.ts";
import { demonstrationRoutes } from "./demonstration.routes.ts";
import { exemptionRoutes } from "./exemption.routes.ts";
import { greenChannelRoutes } from "./green-channel.routes.ts";
import { publicListRoutes } from "./public-lists.routes.ts";

/** Privileges of good exporters and the public lists: green channel, exemptions, demonstration titles, lists. */
export async function privilegeRoutes(app: App, deps: ModuleDeps) {
  await greenChannelRoutes(app, deps);
  await exemptionRoutes(app, deps);
  await demonstrationRoutes(app, deps);
  await publicListRoutes(app, deps);
}

import type { Role } from "../../platform/access.ts";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { IdParams, Page } from "../../platform/schemas.ts";
import {
  Camera,
  CameraCreate,
  CameraListQuery,
  CameraPatch,
  SpotCheck,
  SpotCheckCreate,
  SpotCheckListQuery,
} from "./schemas.ts";
import * as service from "./service.ts";
import { readSpotCheckRequest } from "./upload.ts";

const tags = ["video"];
/** The authority and its inspectors. */
const STAFF: readonly Role[] = ["admin", "regulator", "inspector"];
/** Staff, and an enterprise user for its own enterprise's cameras and checks. */
const STAFF_AND_OWNER: readonly Role[] = [...STAFF, "enterprise"];

export async function videoRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/cameras",
    {
      config: { access: STAFF_AND_OWNER },
      schema: {
        tags,
        summary: "The camera register (stream URLs masked), filtered by enterprise, text, active",
        querystring: CameraListQuery,
        response: { 200: Page(Camera) },
      },
    },
    (req) => service.listCameras(db, actorOf(req), req.query),
  );

  app.get(
    "/api/v1/cameras/:id",
    {
      config: { access: STAFF_AND_OWNER },
      schema: {
        tags,
        summary: "One camera with its full stream URL (staff, and the owning enterprise)",
        params: IdParams,
        response: { 200: Camera },
      },
    },
    (req) => service.getCamera(db, actorOf(req), req.params.id),
  );

  app.post(
    "/api/v1/cameras",
    {
      config: { access: STAFF_AND_OWNER },
      schema: {
        tags,
        summary: "Register a production-line camera (an enterprise user: for its own enterprise only)",
        description: "streamUrl: rtsp://, rtsps://, http:// or https:// (HLS: the .m3u8 playlist URL).",
        body: CameraCreate,
        response: { 201: Camera },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createCamera(db, actorOf(req), req.body)),
  );

  app.patch(
    "/api/v1/cameras/:id",
    {
      config: { access: STAFF_AND_OWNER },
      schema: {
        tags,
        summary: "Rename, relocate, change the stream URL, deactivate or reactivate a camera",
        description: "Deactivating and reactivating is the authority's (an enterprise user gets 403).",
        params: IdParams,
        body: CameraPatch,
        response: { 200: Camera },
      },
    },
    (req) => service.updateCamera(db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    "/api/v1/spot-checks",
    {
      config: { access: STAFF_AND_OWNER },
      schema: {
        tags,
        summary:
          "The spot-check log, newest first; filters enterprise, camera, result, days from/to (China time)",
        querystring: SpotCheckListQuery,
        response: { 200: Page(SpotCheck) },
      },
    },
    (req) => service.listSpotChecks(db, actorOf(req), req.query),
  );

  app.post(
    "/api/v1/spot-checks",
    {
      config: { access: STAFF },
      // JSON or multipart: the handler reads and checks either against SpotCheckCreate; the schema documents it.
      validatorCompiler: () => () => true,
      schema: {
        tags,
        summary: "Log a remote spot check of a camera, optionally with a screenshot",
        description:
          "JSON, or multipart/form-data with the same fields as text parts and an optional `screenshot` file " +
          "(PNG or JPEG by content, at most 5 MB; stored as an attachment, GET /api/v1/attachments/{id}). " +
          "checkedAt may not be in the future; findings are required (≤ 2000 characters).",
        consumes: ["application/json", "multipart/form-data"],
        body: SpotCheckCreate,
        response: { 201: SpotCheck },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { input, screenshot, issues } = await readSpotCheckRequest(req);
      return reply.status(201).send(await service.createSpotCheck(db, actor, input, screenshot, issues));
    },
  );
}

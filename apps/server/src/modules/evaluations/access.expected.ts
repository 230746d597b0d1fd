import type { Who } from "../../testing/access-expected.ts";

const READERS: Who = ["admin", "regulator", "inspector", "lab", "association"];
const EDITORS: Who = ["admin", "association"];
const CREATORS: Who = ["admin", "regulator", "association"];
const ACTORS: Who = ["admin", "regulator", "association", "inspector", "enterprise"];
const ALL_READERS: Who = ["admin", "regulator", "inspector", "lab", "association", "enterprise"];
const AUDIT: Who = ["admin", "regulator", "association", "inspector"];

/** Routes of the evaluations module → who may call them (checked by platform/access-matrix.test.ts). */
export const EVALUATION_ACCESS: Record<string, Who> = {
  "GET /api/v1/evaluation-systems": READERS,
  "GET /api/v1/evaluation-systems/:id": READERS,
  "POST /api/v1/evaluation-systems": EDITORS,
  "PUT /api/v1/evaluation-systems/:id": EDITORS,
  "POST /api/v1/evaluation-systems/:id/publish": EDITORS,
  "POST /api/v1/evaluation-systems/validate": EDITORS,
  "POST /api/v1/evaluation-systems/:id/versions": EDITORS,
  "GET /api/v1/evaluation-systems/:id/export": READERS,
  "GET /api/v1/assessments": ALL_READERS,
  "POST /api/v1/assessments": CREATORS,
  "GET /api/v1/assessments/:id": ALL_READERS,
  "PATCH /api/v1/assessments/:id": CREATORS,
  "POST /api/v1/assessments/:id/stage": ACTORS,
  "PUT /api/v1/assessments/:id/answers": ACTORS,
  "POST /api/v1/assessments/:id/score": AUDIT,
  "POST /api/v1/assessments/:id/findings": AUDIT,
  "POST /api/v1/assessments/:id/labour-check": AUDIT,
  "POST /api/v1/assessments/:id/attachments": ACTORS,
  "GET /api/v1/evaluation-files/:id": ALL_READERS,
  "POST /api/v1/cap-items/:id/actions": ACTORS,
  "POST /api/v1/cap-items/:id/attachments": ACTORS,
  "GET /api/v1/cap-items/overdue": ALL_READERS,
  "GET /api/v1/evaluation-programme": ALL_READERS,
  "GET /api/v1/evaluation-ratings": ALL_READERS,
};

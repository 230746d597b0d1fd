import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, login, type Role, type Session, TEST_PASSWORD } from "../../testing/harness.ts";
import { createUser } from "../users/service.ts";
import { MAX_ATTACHMENT_BYTES, sniffMimeType, storeAttachment } from "./attachments.ts";
import { declared, multipart, PNG, setClass } from "./testing.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

describeWithFixtures("lots: attachments", (ctx) => {
  let as: Record<Role, Session>;
  let asB: Session;
  let lotId: string;
  let bLotId: string;

  before(async () => {
    const { app, db, fixtures } = ctx();
    as = await loginEveryRole(app, fixtures);
    await createUser(db, null, {
      username: "t-enterprise-b",
      displayName: "B",
      role: "enterprise",
      enterpriseId: fixtures.enterpriseB.id,
      password: TEST_PASSWORD,
    });
    asB = await login(app, "t-enterprise-b");
    await setClass(db, fixtures.enterpriseA.id, "III");
    await setClass(db, fixtures.enterpriseB.id, "III");
    lotId = (await declared(app, as.enterprise)).id;
    bLotId = (await declared(app, asB)).id;
  });

  const upload = (who: Session, lot: string, body: ReturnType<typeof multipart>, query = "") =>
    ctx().app.inject({
      method: "POST",
      url: `/api/v1/lots/${lot}/attachments${query}`,
      payload: body.payload,
      headers: { ...body.headers, cookie: who.cookie, "x-csrf-token": who.csrf },
    });

  it("reads the type from the content, not from the name or the claimed type", () => {
    assert.equal(sniffMimeType(PNG, "photo.jpg"), "image/png");
    assert.equal(sniffMimeType(PDF, "report"), "application/pdf");
    assert.equal(
      sniffMimeType(Buffer.from("PK\u0003\u0004rest"), "report.xlsx"),
      sniffMimeType(Buffer.from("PK\u0003\u0004"), "a.XLSX"),
    );
    assert.equal(sniffMimeType(Buffer.from("PK\u0003\u0004rest"), "report.docx"), null);
    assert.equal(sniffMimeType(Buffer.from("<script>alert(1)</script>"), "x.png"), null);
  });

  it("the enterprise attaches a self-inspection report to its own lot and downloads it", async () => {
    const { app } = ctx();
    const res = await upload(as.enterprise, lotId, multipart(PDF, "自检报告.pdf", {}, "text/plain"));
    assert.equal(res.statusCode, 201, res.body);
    const att = res.json();
    assert.equal(att.ownerType, "lot");
    assert.equal(att.ownerId, lotId);
    assert.equal(att.mimeType, "application/pdf");
    assert.equal(att.filename, "自检报告.pdf");
    assert.equal(att.sizeBytes, PDF.length);

    const own = await call(app, as.enterprise, "GET", `/api/v1/attachments/${att.id}`);
    assert.equal(own.statusCode, 200);
    assert.equal(own.headers["content-type"], "application/pdf");
    assert.equal(own.headers["x-content-type-options"], "nosniff");
    assert.match(String(own.headers["content-disposition"]), /^inline; .*filename\*=UTF-8''%E8%87%AA/);
    assert.deepEqual(own.rawPayload, PDF);
    const asFile = await call(app, as.enterprise, "GET", `/api/v1/attachments/${att.id}?download=true`);
    assert.match(String(asFile.headers["content-disposition"]), /^attachment;/);
    assert.equal((await call(app, as.inspector, "GET", `/api/v1/attachments/${att.id}`)).statusCode, 200);
    const other = await call(app, asB, "GET", `/api/v1/attachments/${att.id}`);
    assert.equal(other.statusCode, 404);

    const detail = (await call(app, as.enterprise, "GET", `/api/v1/lots/${lotId}`)).json();
    assert.deepEqual(
      detail.attachments.map((a: { id: string }) => a.id),
      [att.id],
    );
  });

  it("refuses another enterprise's lot (404), unknown types (415), large files (413) and no file (400)", async () => {
    const { app, db } = ctx();
    const [before] = await db.query<{ n: number }>("select count(*)::int as n from attachments");
    const foreign = await upload(as.enterprise, bLotId, multipart(PNG, "x.png"));
    assert.equal(foreign.statusCode, 404);
    const text = await upload(
      as.enterprise,
      lotId,
      multipart(Buffer.from("just text"), "x.png", {}, "image/png"),
    );
    assert.equal(text.statusCode, 415);
    assert.equal(text.json().error.code, "ATTACHMENT_UNSUPPORTED");
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    const large = await upload(as.enterprise, lotId, multipart(big, "big.png"));
    assert.equal(large.statusCode, 413);
    assert.equal(large.json().error.code, "ATTACHMENT_TOO_LARGE");
    const none = await call(app, as.enterprise, "POST", `/api/v1/lots/${lotId}/attachments`, { file: "x" });
    assert.equal(none.statusCode, 400);
    assert.equal(none.json().error.code, "ATTACHMENT_NO_FILE");
    const [after] = await db.query<{ n: number }>("select count(*)::int as n from attachments");
    assert.equal(after?.n, before?.n);
  });

  it("inspectors attach photos to an inspection or a defect of the lot; enterprises may not", async () => {
    const { app } = ctx();
    const recorded = await call(app, as.inspector, "POST", `/api/v1/lots/${lotId}/inspections`, {
      round: 1,
      defects: [{ defectCode: "fabric.hole", quantity: 1 }],
      result: "accepted",
    });
    assert.equal(recorded.statusCode, 201, recorded.body);
    const inspection = recorded.json().inspection;
    const photo = await upload(
      as.inspector,
      lotId,
      multipart(PNG, "破洞.png", { inspectionId: inspection.id }),
    );
    assert.equal(photo.statusCode, 201, photo.body);
    assert.equal(photo.json().ownerType, "inspection");
    const defectPhoto = await upload(
      as.inspector,
      lotId,
      multipart(PNG, "hole.png"),
      `?defectId=${inspection.defects[0].id}`,
    );
    assert.equal(defectPhoto.statusCode, 201, defectPhoto.body);
    assert.equal(defectPhoto.json().ownerType, "defect");
    // The enterprise sees the photos of its lot's inspection…
    assert.equal(
      (await call(app, as.enterprise, "GET", `/api/v1/attachments/${photo.json().id}`)).statusCode,
      200,
    );
    const detail = (await call(app, as.enterprise, "GET", `/api/v1/lots/${lotId}`)).json();
    assert.equal(detail.attachments.length, 3);
    // …but cannot attach to the inspection, and nobody attaches to another lot's inspection.
    const enterprise = await upload(
      as.enterprise,
      lotId,
      multipart(PNG, "x.png", { inspectionId: inspection.id }),
    );
    assert.equal(enterprise.statusCode, 400);
    const elsewhere = await upload(
      as.inspector,
      bLotId,
      multipart(PNG, "x.png", { inspectionId: inspection.id }),
    );
    assert.equal(elsewhere.statusCode, 400);
    assert.equal(elsewhere.json().error.fields[0].code, "not_of_lot");
  });

  it("spot-check screenshots are staff-only; exemption evidence is its enterprise's and the authority's", async () => {
    const { app, db, fixtures } = ctx();
    const shot = await db.tx((sql) =>
      storeAttachment(sql, null, {
        ownerType: "spot_check",
        ownerId: "00000000-0000-4000-8000-000000000001",
        filename: "screenshot.png",
        mimeType: "image/png",
        content: PNG,
      }),
    );
    assert.equal((await call(app, as.enterprise, "GET", `/api/v1/attachments/${shot.id}`)).statusCode, 404);
    for (const role of ["admin", "regulator", "inspector"] as const)
      assert.equal(
        (await call(app, as[role], "GET", `/api/v1/attachments/${shot.id}`)).statusCode,
        200,
        role,
      );

    const [application] = await db.query<{ id: string }>(
      `insert into exemption_applications (enterprise_id, product_category, status, evidence, criteria_met)
       values ($1, 'knitted', 'submitted', '{}', true) returning id`,
      [fixtures.enterpriseA.id],
    );
    const evidence = await db.tx((sql) =>
      storeAttachment(sql, null, {
        ownerType: "exemption",
        ownerId: application?.id as string,
        filename: "award.pdf",
        mimeType: "application/pdf",
        content: PDF,
      }),
    );
    const url = `/api/v1/attachments/${evidence.id}`;
    assert.equal((await call(app, as.enterprise, "GET", url)).statusCode, 200);
    assert.equal((await call(app, asB, "GET", url)).statusCode, 404);
    assert.equal((await call(app, as.regulator, "GET", url)).statusCode, 200);
    assert.equal((await call(app, as.inspector, "GET", url)).statusCode, 404);
    await assert.rejects(
      db.tx((sql) =>
        storeAttachment(sql, null, {
          ownerType: "spot_check",
          ownerId: "00000000-0000-4000-8000-000000000001",
          filename: "x.exe",
          mimeType: "application/x-msdownload",
          content: PNG,
        }),
      ),
      /ATTACHMENT_UNSUPPORTED/,
    );
  });
  it("evaluation evidence: its enterprise and the staff who read assessments, by either route; others 404", async () => {
    const { app, db, fixtures } = ctx();
    const systems = await call(app, as.association, "GET", "/api/v1/evaluation-systems");
    const systemId = systems.json().items.find((s: { code: string }) => s.code === "csc9000t-style").id;
    const created = await call(app, as.association, "POST", "/api/v1/assessments", {
      enterpriseId: fixtures.enterpriseA.id,
      systemId,
    });
    assert.equal(created.statusCode, 201, created.body);
    const assessmentId = created.json().id;
    await call(app, as.association, "POST", `/api/v1/assessments/${assessmentId}/stage`, {
      action: "startSelfAssessment",
    });
    // Self-assessment evidence, uploaded by the enterprise through the evaluations route.
    const body = multipart(PDF, "员工手册.pdf");
    const up = await app.inject({
      method: "POST",
      url: `/api/v1/assessments/${assessmentId}/attachments`,
      payload: body.payload,
      headers: { ...body.headers, cookie: as.enterprise.cookie, "x-csrf-token": as.enterprise.csrf },
    });
    assert.equal(up.statusCode, 201, up.body);
    // CAP evidence of a finding of the same assessment.
    const [finding] = await db.query<{ id: string }>(
      `insert into evaluation_findings (assessment_id, enterprise_id, source, severity, title, found_on)
       values ($1, $2, 'manual', 'low', '消防通道堵塞', '2030-01-01') returning id`,
      [assessmentId, fixtures.enterpriseA.id],
    );
    const [cap] = await db.query<{ id: string }>(
      `insert into evaluation_cap_items (finding_id, assessment_id, enterprise_id, deadline)
       values ($1, $2, $3, '2030-02-01') returning id`,
      [finding?.id, assessmentId, fixtures.enterpriseA.id],
    );
    const capFile = await db.tx((sql) =>
      storeAttachment(sql, null, {
        ownerType: "evaluation_cap",
        ownerId: cap?.id as string,
        filename: "整改照片.png",
        mimeType: "image/png",
        content: PNG,
      }),
    );
    const expected: [string, Session, number][] = [
      ["enterprise (owner)", as.enterprise, 200],
      ["another enterprise", asB, 404],
      ["association", as.association, 200],
      ["regulator", as.regulator, 200],
      ["admin", as.admin, 200],
      ["inspector", as.inspector, 200],
      ["lab", as.lab, 200],
    ];
    for (const [id, content] of [
      [up.json().id as string, PDF],
      [capFile.id, PNG],
    ] as const)
      for (const base of ["/api/v1/attachments", "/api/v1/evaluation-files"])
        for (const [who, session, status] of expected) {
          const res = await call(app, session, "GET", `${base}/${id}`);
          assert.equal(res.statusCode, status, `${who} ${base} ${res.body.slice(0, 200)}`);
          if (status === 200) assert.deepEqual(res.rawPayload, content);
          else assert.equal(res.json().error.code, "NOT_FOUND");
        }
    const pdf = await call(
      app,
      as.enterprise,
      "GET",
      `/api/v1/evaluation-files/${up.json().id}?download=true`,
    );
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.equal(pdf.headers["x-content-type-options"], "nosniff");
    assert.match(String(pdf.headers["content-disposition"]), /^attachment; .*filename\*=UTF-8''%E5%91%98/);

    // The evaluations route serves evaluation evidence only; the association sees no lot files.
    const lotFile = await upload(as.enterprise, lotId, multipart(PNG, "lot.png"));
    assert.equal(lotFile.statusCode, 201, lotFile.body);
    assert.equal(
      (await call(app, as.enterprise, "GET", `/api/v1/evaluation-files/${lotFile.json().id}`)).statusCode,
      404,
    );
    assert.equal(
      (await call(app, as.association, "GET", `/api/v1/attachments/${lotFile.json().id}`)).statusCode,
      404,
    );
    assert.equal(
      (await call(app, as.lab, "GET", `/api/v1/attachments/${lotFile.json().id}`)).statusCode,
      404,
    );
  });
});

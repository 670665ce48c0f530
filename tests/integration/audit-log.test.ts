/**
 * The audit log as an admin reads it: every entry of a worked-on concept is a
 * sentence without codes or ids, the filter narrows by concept, person, kind
 * and period (German calendar days), pages hold 50, and the CSV has the sentences.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { createConcept } from "@/lib/concepts/create";
import { changeStatus, createVersion } from "@/lib/versions/service";
import { describeAuditGerman } from "@/lib/audit/german";
import { parseAuditQuery } from "@/lib/audit/filter";
import { AUDIT_PAGE_SIZE, readAuditPage } from "@/lib/audit/log";
import { exportAuditCsv } from "@/lib/review/inbox";
import { populatedTown, type Ids, type Town } from "../support/scenario";

let own: { town: Town; ids: Ids };
let other: { town: Town; ids: Ids };

beforeAll(async () => {
  own = await populatedTown("Logstadt");
  other = await populatedTown("Nachbarstadt");
  await changeStatus(own.town.admin, { conceptId: own.ids.conceptId, status: "interdepartmental" });
  await changeStatus(own.town.admin, { conceptId: own.ids.conceptId, status: "participation" });
});
afterAll(() => closeDb());

const read = (params: Record<string, string>, town = own) =>
  readAuditPage(town.town.admin, { municipalityId: town.ids.municipalityId, query: parseAuditQuery(params) });

describe("the municipality's audit log", () => {
  it("reads every entry as a sentence without codes, ids or raw details", async () => {
    const { entries } = await read({});
    expect(entries.length).toBeGreaterThan(10);
    for (const e of entries) {
      const sentence = describeAuditGerman({ action: e.action, actorName: e.actorName, conceptTitle: e.conceptTitle, details: e.details });
      expect(sentence.replace(/\S+@\S+/g, "<e-mail>"), e.action).not.toMatch(/[{}_]|[0-9a-f]{8}-[0-9a-f]{4}|\b[a-z]+\.[a-z_]+\b/);
    }
    const sentences = entries.map((e) => describeAuditGerman({ action: e.action, actorName: e.actorName, conceptTitle: e.conceptTitle, details: e.details }));
    const admin = own.town.admin.name;
    expect(sentences).toContain(`${admin} hat den Status von „Ressortabstimmung“ auf „Beteiligung“ gesetzt – Integrationskonzept Logstadt`);
    expect(sentences).toContain(`${own.town.editor.name} hat das Konzept „Integrationskonzept Logstadt“ angelegt – Integrationskonzept Logstadt`);
    expect(sentences).toContain(`${own.town.editor.name} hat die Maßnahme „Sprachcafé im Stadtteilzentrum“ angelegt – Integrationskonzept Logstadt`);
    expect(sentences.some((s) => /^.+ hat neu-.+@test\.example mit der Rolle „Redaktion“ eingeladen$/.test(s))).toBe(true);
  });

  it("filters by concept, person and kind, within the municipality only", async () => {
    const second = await createConcept(own.town.editor, { municipalityId: own.ids.municipalityId, title: "Zweites Konzept" });
    const byConcept = await read({ konzept: second.id });
    expect(byConcept.entries.map((e) => e.action)).toEqual(["concept.create"]);
    expect(byConcept.total).toBe(1);
    expect(byConcept.concepts.map((c) => c.title)).toEqual(["Integrationskonzept Logstadt", "Zweites Konzept"]);

    const byAdmin = await read({ person: own.town.admin.id });
    expect(byAdmin.entries.length).toBeGreaterThan(0);
    expect(new Set(byAdmin.entries.map((e) => e.actorId))).toEqual(new Set([own.town.admin.id]));
    expect(byAdmin.people.map((p) => p.id).sort()).toEqual([own.town.admin.id, own.town.editor.id].sort());

    const versions = await read({ art: "versions" });
    expect(new Set(versions.entries.map((e) => e.action))).toEqual(new Set(["version.create", "status.change"]));
    const members = await read({ art: "members" });
    expect(members.entries.map((e) => e.action)).toEqual(["invitation.create"]);

    // Another municipality's concept or person in the filter finds nothing here.
    expect((await read({ konzept: other.ids.conceptId })).entries).toEqual([]);
    expect((await read({ person: other.town.admin.id })).total).toBe(0);
    expect((await read({}, other)).entries.every((e) => e.conceptId === null || e.conceptId === other.ids.conceptId)).toBe(true);
  });

  it("takes the period as German calendar days, both included", async () => {
    const db = await getDb();
    // 00:30 on 1 December in Berlin is still 30 November in UTC.
    await db.insert(auditLog).values([
      { municipalityId: own.ids.municipalityId, actorId: own.town.admin.id, action: "logo.upload", createdAt: new Date("2025-11-30T23:30:00Z") },
      { municipalityId: own.ids.municipalityId, actorId: own.town.admin.id, action: "logo.remove", createdAt: new Date("2025-11-30T22:30:00Z") },
    ]);
    expect((await read({ von: "2025-12-01", bis: "2025-12-01" })).entries.map((e) => e.action)).toEqual(["logo.upload"]);
    expect((await read({ von: "2025-11-30", bis: "2025-11-30" })).entries.map((e) => e.action)).toEqual(["logo.remove"]);
    expect((await read({ bis: "2025-12-31", art: "settings" })).total).toBe(2);
  });

  it("shows 50 entries a page, newest first, and the last page for a page number past the end", async () => {
    for (let i = 0; i < AUDIT_PAGE_SIZE; i++) await createVersion(own.town.editor, { conceptId: own.ids.conceptId, label: `Stand ${i}` });
    const first = await read({ art: "versions" });
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.pages).toBe(2);
    expect(first.entries[0]!.details).toMatchObject({ label: `Stand ${AUDIT_PAGE_SIZE - 1}` });
    const last = await read({ art: "versions", seite: "9" });
    expect(last.page).toBe(2);
    expect(last.entries.length).toBe(first.total - AUDIT_PAGE_SIZE);
    expect(new Set([...first.entries, ...last.entries].map((e) => e.id)).size).toBe(first.total);
  });

  it("exports the filtered entries as CSV with their sentences", async () => {
    const csv = await exportAuditCsv(own.town.admin, { municipalityId: own.ids.municipalityId, query: { kind: "members" } });
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("\ufeffZeitpunkt;Eintrag;Person;E-Mail;Aktion;Konzept;Konzept-ID;Objekt;Angaben");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/;admin [^;]+ hat neu-[^;]+ mit der Rolle „Redaktion“ eingeladen;/);
    expect(lines[1]).toContain(";invitation.create;");
  });
});

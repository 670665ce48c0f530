/** "Fertig" marks of a concept's parts: who may set and take them back, what is stored and logged, what is refused. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { listPartMarks } from "@/db/queries/part-marks";
import { auditLog } from "@/db/schema";
import { describeAuditGerman } from "@/lib/audit/german";
import { createConcept } from "@/lib/concepts/create";
import { removeCustomField } from "@/lib/concepts/fields";
import { archiveConcept } from "@/lib/concepts/lifecycle";
import { buildOutline, outlineCounts } from "@/lib/concepts/outline";
import { markPartDone, unmarkPartDone } from "@/lib/concepts/part-marks";
import { populatedTown, type Ids, type Town } from "../support/scenario";

let own: { town: Town; ids: Ids };
let other: { town: Town; ids: Ids };

beforeAll(async () => {
  own = await populatedTown("Fertigstadt");
  other = await populatedTown("Nebenstadt");
});
afterAll(() => closeDb());

async function entries(conceptId: string, action: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.conceptId, conceptId), eq(auditLog.action, action)))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
}

describe("marking a part fertig", () => {
  it("stores who marked it and when, shows it in the outline, and logs one sentence", async () => {
    const { town, ids } = own;
    const before = new Date();
    await markPartDone(town.editor, { conceptId: ids.conceptId, chapter: "fields", part: "goal", fieldId: ids.fieldId });
    const marks = await listPartMarks({ conceptId: ids.conceptId });
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ chapter: "fields", part: "goal", fieldId: ids.fieldId, markedByName: town.editor.name });
    expect(marks[0]!.markedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    const outline = buildOutline({ templateVersion: 1, ...outlineCounts(await getConceptTree({ conceptId: ids.conceptId })), marks });
    const language = outline.entries.find((e) => e.key === "fields")!.children!.find((c) => c.key === "language")!;
    expect(language.parts.find((p) => p.key === "goal")).toMatchObject({ state: "done", done: { by: town.editor.name } });
    expect(outline.progress).toBeGreaterThan(0);

    const logged = await entries(ids.conceptId, "part.done");
    expect(logged).toHaveLength(1);
    expect(describeAuditGerman({ action: "part.done", actorName: town.editor.name, conceptTitle: null, details: logged[0]!.details as Record<string, string> })).toBe(
      `${town.editor.name} hat „Leitziel“ im Handlungsfeld „Sprache“ als fertig markiert`,
    );
  });

  it("changes nothing when the part is marked again (the first mark and its author stay)", async () => {
    const { town, ids } = own;
    await markPartDone(town.admin, { conceptId: ids.conceptId, chapter: "fields", part: "goal", fieldId: ids.fieldId });
    const marks = await listPartMarks({ conceptId: ids.conceptId });
    expect(marks.map((m) => m.markedByName)).toEqual([town.editor.name]);
    expect(await entries(ids.conceptId, "part.done")).toHaveLength(1);
  });

  it("takes a mark back, and says so when there is none", async () => {
    const { town, ids } = own;
    await markPartDone(town.admin, { conceptId: ids.conceptId, chapter: "mandate", part: "text" });
    await unmarkPartDone(town.editor, { conceptId: ids.conceptId, chapter: "mandate", part: "text" });
    expect((await listPartMarks({ conceptId: ids.conceptId })).map((m) => m.part)).toEqual(["goal"]);
    expect(await entries(ids.conceptId, "part.undone")).toHaveLength(1);
    await expect(unmarkPartDone(town.editor, { conceptId: ids.conceptId, chapter: "mandate", part: "text" })).rejects.toMatchObject({
      code: "not_found",
      message: "Dieser Teil ist nicht als „fertig“ markiert.",
    });
  });

  it("refuses reviewers and viewers, and another municipality's admin, without storing anything", async () => {
    const { town, ids } = own;
    const input = { conceptId: ids.conceptId, chapter: "vision", part: "text" };
    await expect(markPartDone(town.reviewer, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(markPartDone(town.viewer, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(markPartDone(other.town.admin, input)).rejects.toMatchObject({ code: "not_found" });
    await expect(unmarkPartDone(town.viewer, { conceptId: ids.conceptId, chapter: "fields", part: "goal", fieldId: ids.fieldId })).rejects.toMatchObject({ code: "forbidden" });
    // The attacker's own concept with this town's field: not found, and this town's mark stays.
    await expect(markPartDone(other.town.admin, { conceptId: other.ids.conceptId, chapter: "fields", part: "baseline", fieldId: ids.fieldId })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(unmarkPartDone(other.town.admin, { conceptId: ids.conceptId, chapter: "fields", part: "goal", fieldId: ids.fieldId })).rejects.toMatchObject({ code: "not_found" });
    expect((await listPartMarks({ conceptId: ids.conceptId })).map((m) => m.part)).toEqual(["goal"]);
    expect(await listPartMarks({ conceptId: other.ids.conceptId })).toEqual([]);
  });

  it("refuses a part the template does not have, with a German message", async () => {
    const { town, ids } = own;
    for (const input of [
      { chapter: "mandate", part: "intro" },
      { chapter: "erfunden", part: "text" },
      { chapter: "fields", part: "text", fieldId: ids.fieldId },
      { chapter: "mandate", part: "goal", fieldId: ids.fieldId },
    ]) {
      await expect(markPartDone(town.editor, { conceptId: ids.conceptId, ...input })).rejects.toMatchObject({
        code: "bad_request",
        message: "Diesen Teil gibt es in diesem Konzept nicht. Bitte laden Sie die Seite neu.",
      });
    }
    await expect(markPartDone(town.editor, { conceptId: ids.conceptId, chapter: "fields", part: "goal", fieldId: "kein-feld" })).rejects.toMatchObject({ code: "not_found" });
    expect((await listPartMarks({ conceptId: ids.conceptId })).map((m) => m.part)).toEqual(["goal"]);
  });

  it("goes with its field of action when the field is removed", async () => {
    const { town, ids } = own;
    await markPartDone(town.editor, { conceptId: ids.conceptId, chapter: "fields", part: "measures", fieldId: ids.customFieldId });
    expect(await listPartMarks({ conceptId: ids.conceptId })).toHaveLength(2);
    await removeCustomField(town.admin, { conceptId: ids.conceptId, fieldId: ids.customFieldId });
    expect((await listPartMarks({ conceptId: ids.conceptId })).map((m) => m.fieldId)).toEqual([ids.fieldId]);
  });

  it("is refused on an archived concept", async () => {
    const { town, ids } = own;
    const archived = await createConcept(town.editor, { municipalityId: ids.municipalityId, title: "Altes Konzept" });
    await archiveConcept(town.admin, { conceptId: archived.id });
    await expect(markPartDone(town.admin, { conceptId: archived.id, chapter: "mandate", part: "text" })).rejects.toMatchObject({ code: "conflict" });
    expect(await listPartMarks({ conceptId: archived.id })).toEqual([]);
  });
});

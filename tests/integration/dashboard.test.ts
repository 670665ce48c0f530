/** The concept list as a dashboard: figures per concept from one query per table, only of the own municipality. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { buildOutline, outlineCounts } from "@/lib/concepts/outline";
import { createConcept } from "@/lib/concepts/create";
import { readConceptDashboard } from "@/lib/concepts/dashboard";
import { createThread, setThreadState } from "@/lib/review/comments";
import { startRound } from "@/lib/review/rounds";
import { changeStatus } from "@/lib/versions/service";
import { markPartDone } from "@/lib/concepts/part-marks";
import { listPartMarks } from "@/db/queries/part-marks";
import { populatedTown, type Ids, type Town } from "../support/scenario";

let own: { town: Town; ids: Ids };
let other: { town: Town; ids: Ids };
let emptyConceptId: string;

beforeAll(async () => {
  own = await populatedTown("Übersichtstadt");
  other = await populatedTown("Nachbarstadt");
  const { town, ids } = own;
  emptyConceptId = (await createConcept(town.admin, { municipalityId: ids.municipalityId, title: "Zweites Konzept" })).id;
  // Two more threads on the first concept, one of them resolved: 2 open with the scenario's.
  await createThread(town.reviewer, { conceptId: ids.conceptId, target: { kind: "chapter", chapter: "vision" }, body: "Leitbild fehlt noch." });
  const resolved = await createThread(town.reviewer, { conceptId: ids.conceptId, target: { kind: "chapter", chapter: "baseline" }, body: "Zahlen von 2024?" });
  await setThreadState(town.admin, { conceptId: ids.conceptId, threadId: resolved.threadId, state: "resolved" });
  await startRound(town.admin, { conceptId: ids.conceptId, versionNumber: 1, title: "Beteiligung", dueDate: "2029-06-30", reviewerIds: [town.reviewer.id] });
  // The other town has more of everything, none of which may show here.
  for (const chapter of ["vision", "baseline", "governance"]) {
    await createThread(other.town.reviewer, { conceptId: other.ids.conceptId, target: { kind: "chapter", chapter }, body: "Frage" });
  }
  await startRound(other.town.admin, { conceptId: other.ids.conceptId, versionNumber: 1, title: "Früher", dueDate: "2028-01-15", reviewerIds: [other.town.reviewer.id] });
  // Two parts marked "fertig": the progress counts them (and only them).
  await markPartDone(town.admin, { conceptId: ids.conceptId, chapter: "mandate", part: "text" });
  await markPartDone(town.admin, { conceptId: ids.conceptId, chapter: "fields", part: "goal", fieldId: ids.fieldId });
  await changeStatus(own.town.admin, { conceptId: ids.conceptId, status: "interdepartmental" });
});
afterAll(() => closeDb());

describe("the concept dashboard", () => {
  it("counts open threads and open review rounds per concept, only the municipality's own", async () => {
    const rows = await readConceptDashboard(own.town.viewer, { municipalityId: own.ids.municipalityId });
    expect(rows.map((r) => r.id).sort()).toEqual([own.ids.conceptId, emptyConceptId].sort());
    const first = rows.find((r) => r.id === own.ids.conceptId)!;
    const second = rows.find((r) => r.id === emptyConceptId)!;
    expect(first.openThreads).toBe(2);
    expect(first.rounds).toEqual({ open: 2, nextDue: "2029-06-30" });
    expect(second.openThreads).toBe(0);
    expect(second.rounds).toBeNull();

    const theirs = await readConceptDashboard(other.town.viewer, { municipalityId: other.ids.municipalityId });
    expect(theirs.map((r) => r.id)).toEqual([other.ids.conceptId]);
    expect(theirs[0]!.openThreads).toBe(4);
    expect(theirs[0]!.rounds).toEqual({ open: 2, nextDue: "2028-01-15" });
  });

  it("shows the step, the outline's progress, the last change and who is writing", async () => {
    const rows = await readConceptDashboard(own.town.editor, { municipalityId: own.ids.municipalityId });
    const first = rows.find((r) => r.id === own.ids.conceptId)!;
    expect(first.steps.current).toBe("interdepartmental");
    expect(first.steps.next).toBe("participation");
    expect(rows.find((r) => r.id === emptyConceptId)!.steps.current).toBe("draft");

    const tree = await getConceptTree({ conceptId: own.ids.conceptId });
    const marks = await listPartMarks({ conceptId: own.ids.conceptId });
    expect(marks).toHaveLength(2);
    const expected = buildOutline({ templateVersion: 1, ...outlineCounts(tree), marks }).progress;
    expect(expected).toBeGreaterThan(0);
    expect(buildOutline({ templateVersion: 1, ...outlineCounts(tree) }).progress).toBe(0);
    expect(first.progress).toBe(expected);
    expect(rows.find((r) => r.id === emptyConceptId)!.progress).toBe(0);

    // The status change was the newest change (comments do not count as changes).
    expect(first.lastChange.actorName).toBe(own.town.admin.name);
    expect(first.editors).toEqual([{ name: own.town.editor.name, chapter: "mandate", fieldTitle: null }]);
    expect(rows.find((r) => r.id === emptyConceptId)!.editors).toEqual([]);
  });

  it("refuses another municipality's admin", async () => {
    await expect(readConceptDashboard(other.town.admin, { municipalityId: own.ids.municipalityId })).rejects.toMatchObject({ code: "not_found" });
  });
});

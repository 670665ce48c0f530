/** Review on the database: anchors through edits and restores, authorship rules, hiding, mentions, rounds, audit. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { createThread, deleteComment, editComment, hideComment, listThreads, replyToThread, setThreadState } from "@/lib/review/comments";
import { exportAuditCsv, readActivity, readAuditLog, readInbox } from "@/lib/review/inbox";
import { answerRound, closeRound, listRounds, startRound } from "@/lib/review/rounds";
import { createVersion, restoreVersion } from "@/lib/versions/service";
import { getDb } from "@/db";
import { insertSeedConcept, insertSeedHistory } from "@/lib/demo/seed";
import { musterstadtConcept } from "@/lib/demo/seed-data/musterstadt";
import { insertSeedReview } from "@/lib/demo/seed-review";
import * as Y from "yjs";
import { appendServerUpdate, listYUpdates } from "@/db/queries/realtime";
import { loadSectionState } from "@/lib/realtime/store";
import { docFromState } from "@/lib/realtime/ydoc";
import { makeMunicipality } from "../support/fixtures";
import { populatedTown, type Ids, type Town } from "../support/scenario";

let town: Town;
let ids: Ids;
const mandate = async () => (await getConceptTree({ conceptId: ids.conceptId })).sections.find((s) => s.id === ids.sectionId)!;
const threadOf = async (id: string) => (await listThreads(town.viewer, ids.conceptId)).threads.find((t) => t.id === id)!;

beforeAll(async () => {
  ({ town, ids } = await populatedTown("Prüfstadt"));
});
afterAll(() => closeDb());

describe("comments", () => {
  let threadId: string;

  it("a reviewer comments on selected text without changing the section (no revision bump, no conflict)", async () => {
    const before = await mandate();
    const text = "Der Rat von Prüfstadt hat das Konzept beauftragt.";
    const start = text.indexOf("Rat von Prüfstadt");
    ({ threadId } = await createThread(town.reviewer, {
      conceptId: ids.conceptId,
      target: { kind: "text", sectionId: ids.sectionId, start, end: start + "Rat von Prüfstadt".length, quote: "Rat von Prüfstadt" },
      body: "Welcher Beschluss? @" + town.editor.name,
    }));
    const after = await mandate();
    expect(after.revision).toBe(before.revision);
    expect(after.content).toEqual(before.content);
    expect(await threadOf(threadId)).toMatchObject({ quote: "Rat von Prüfstadt", anchorState: "ok", range: { start, end: start + 17 }, state: "open" });
    // The editor's next save, based on the revision they had, is not a conflict.
    expect(await saveSectionText(town.editor, { conceptId: ids.conceptId, sectionId: ids.sectionId, baseRevision: before.revision, content: doc(p("Neu: " + text)) })).toMatchObject({ status: "saved" });
    expect(await threadOf(threadId)).toMatchObject({ anchorState: "ok", range: { start: start + 5 } });
  });

  it("a selection that does not match the stored text is refused; a viewer cannot comment", async () => {
    await expect(createThread(town.reviewer, { conceptId: ids.conceptId, target: { kind: "text", sectionId: ids.sectionId, quote: "steht nicht da" }, body: "x" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(createThread(town.viewer, { conceptId: ids.conceptId, target: { kind: "chapter", chapter: "mandate" }, body: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createThread(town.reviewer, { conceptId: ids.conceptId, target: { kind: "chapter", chapter: "mandate" }, body: "   " })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("a malformed request of the JSON API is refused in words, without the field's path", async () => {
    const marked = "Die Markierung im Text ist ungültig (Anfang und Ende als ganze Zahlen ab 0).";
    const cases: [unknown, string][] = [
      [{ kind: "text", sectionId: ids.sectionId, start: -1, end: 3 }, marked],
      [{ kind: "text", sectionId: ids.sectionId, start: "3", end: 5 }, marked],
      [{ kind: "text", sectionId: ids.sectionId, start: 1.5, end: 5 }, marked],
      [{ kind: "text", sectionId: ids.sectionId, quote: "x".repeat(2001) }, "Die markierte Textstelle ist zu lang (höchstens 2000 Zeichen)."],
      [{ kind: "paragraph" }, "Bitte angeben, worauf sich der Kommentar bezieht (Textstelle, Maßnahme, Kapitel oder Änderungsvorschlag)."],
      [{ kind: "chapter", chapter: 7 }, "Dieses Kapitel gibt es nicht."],
      [{ kind: "measure", measureId: "nicht-da" }, "Maßnahme: ungültige Kennung."],
      [{ kind: "text", sectionId: ids.sectionId, quote: 42 }, "Die markierte Textstelle muss ein Text sein."],
    ];
    for (const [target, message] of cases) {
      await expect(createThread(town.reviewer, { conceptId: ids.conceptId, target, body: "x" } as never)).rejects.toMatchObject({ code: "bad_request", message });
    }
    await expect(createThread(town.reviewer, { conceptId: ids.conceptId, target: { kind: "chapter", chapter: "mandate" }, body: 5 } as never)).rejects.toMatchObject({ message: "Bitte einen Kommentar schreiben." });
  });

  it("a thread pointing at a part of another municipality's concept is refused before that part's live text is touched", async () => {
    const other = await populatedTown("Fremdprüfstadt");
    // A keystroke typed there in real time, logged but not yet folded into the part's stored text.
    const live = docFromState((await loadSectionState(other.ids.sectionId))!.updates);
    let update: Uint8Array | null = null;
    live.once("update", (u: Uint8Array) => (update = u));
    live.transact(() => ((live.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "x"));
    await appendServerUpdate({ sectionId: other.ids.sectionId, conceptId: other.ids.conceptId, userId: other.town.editor.id, update: update! }, await getDb());
    const logged = (await listYUpdates({ sectionId: other.ids.sectionId })).length;
    expect(logged).toBeGreaterThan(0);
    for (const target of [
      { kind: "text", sectionId: other.ids.sectionId, quote: "Rat" },
      { kind: "suggestion", sectionId: other.ids.sectionId, suggestionId: "00000000-0000-4000-8000-000000000000" },
    ]) {
      await expect(createThread(town.reviewer, { conceptId: ids.conceptId, target, body: "Fremd" })).rejects.toMatchObject({ code: "not_found" });
    }
    expect((await listYUpdates({ sectionId: other.ids.sectionId })).length).toBe(logged);
  });

  it("the mentioned editor finds the thread in what waits for them, and the reply notifies the reviewer", async () => {
    const inbox = await readInbox(town.editor, { municipalityId: ids.municipalityId });
    expect(inbox.mentions.map((m) => m.threadId)).toContain(threadId);
    expect(inbox.notifications.map((n) => n.kind)).toContain("mention");
    await replyToThread(town.editor, { conceptId: ids.conceptId, threadId, body: "Beschluss vom 12.03., ergänzt." });
    const reviewerInbox = await readInbox(town.reviewer, { municipalityId: ids.municipalityId });
    expect(reviewerInbox.notifications.map((n) => n.kind)).toContain("reply");
    await setThreadState(town.editor, { conceptId: ids.conceptId, threadId, state: "resolved" });
    expect((await threadOf(threadId)).state).toBe("resolved");
    expect((await readInbox(town.editor, { municipalityId: ids.municipalityId })).mentions.map((m) => m.threadId)).not.toContain(threadId);
  });

  it("only the author edits or deletes; deletion leaves 'gelöscht'; an admin hides, recorded in the audit log", async () => {
    const [first] = (await threadOf(threadId)).comments;
    await expect(editComment(town.editor, { conceptId: ids.conceptId, commentId: first!.id, body: "fremd" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteComment(town.admin, { conceptId: ids.conceptId, commentId: first!.id })).rejects.toMatchObject({ code: "forbidden" });
    await editComment(town.reviewer, { conceptId: ids.conceptId, commentId: first!.id, body: "Welcher Ratsbeschluss?" });
    expect((await threadOf(threadId)).comments[0]).toMatchObject({ body: "Welcher Ratsbeschluss?", editedAt: expect.any(String) });
    await deleteComment(town.reviewer, { conceptId: ids.conceptId, commentId: first!.id });
    expect((await threadOf(threadId)).comments[0]).toMatchObject({ state: "deleted", body: "" });
    const reply = (await threadOf(threadId)).comments[1]!;
    await expect(hideComment(town.editor, { conceptId: ids.conceptId, commentId: reply.id })).rejects.toMatchObject({ code: "forbidden" });
    await hideComment(town.admin, { conceptId: ids.conceptId, commentId: reply.id });
    expect((await threadOf(threadId)).comments[1]).toMatchObject({ state: "hidden", body: "" });
    const log = await readAuditLog(town.admin, { municipalityId: ids.municipalityId });
    expect(log.find((e) => e.action === "comment.hide")).toMatchObject({ objectId: reply.id, actorName: town.admin.name });
    // No document or comment content in the log.
    const csv = await exportAuditCsv(town.admin, { municipalityId: ids.municipalityId });
    expect(csv).not.toContain("Beschluss vom 12.03.");
    expect(csv).not.toContain("Prüfstadt hat das Konzept");
  });

  it("a deleted passage shows as removed with its quote, and comes back with a restore", async () => {
    const { threadId: t2 } = await createThread(town.reviewer, { conceptId: ids.conceptId, target: { kind: "text", sectionId: ids.sectionId, quote: "das Konzept beauftragt" }, body: "Seit wann?" });
    const { number } = await createVersion(town.editor, { conceptId: ids.conceptId, label: "vor Kürzung" });
    const s = await mandate();
    await saveSectionText(town.editor, { conceptId: ids.conceptId, sectionId: ids.sectionId, baseRevision: s.revision, content: doc(p("Ganz neuer Text.")) });
    expect(await threadOf(t2)).toMatchObject({ anchorState: "removed", quote: "das Konzept beauftragt" });
    await restoreVersion(town.editor, { conceptId: ids.conceptId, number });
    expect(await threadOf(t2)).toMatchObject({ anchorState: "ok" });
  });

  it("comments on a measure and on a field of action", async () => {
    await createThread(town.reviewer, { conceptId: ids.conceptId, target: { kind: "measure", measureId: ids.measureId }, body: "Finanzierung ab 2027?" });
    await createThread(town.reviewer, { conceptId: ids.conceptId, target: { kind: "chapter", chapter: "fields", fieldKey: "language" }, body: "Zielgruppe Eltern fehlt." });
    await expect(createThread(town.reviewer, { conceptId: ids.conceptId, target: { kind: "chapter", chapter: "mandate", fieldKey: "language" }, body: "x" })).rejects.toMatchObject({ code: "bad_request" });
    const { threads } = await listThreads(town.viewer, ids.conceptId);
    expect(threads.filter((t) => t.targetKind === "measure").map((t) => t.measureId)).toEqual([ids.measureId]);
    expect(threads.filter((t) => t.targetKind === "chapter" && t.fieldKey === "language")).toMatchObject([
      { chapter: "fields", fieldKey: "language", state: "open", comments: [{ body: "Zielgruppe Eltern fehlt." }] },
    ]);
  });
});

describe("review rounds", () => {
  it("runs from start to all answers; only its reviewers answer; closing keeps the record", async () => {
    const { roundId } = await startRound(town.admin, { conceptId: ids.conceptId, versionNumber: 1, title: "Beteiligung", dueDate: "2020-01-01", reviewerIds: [town.reviewer.id] });
    await expect(startRound(town.admin, { conceptId: ids.conceptId, versionNumber: 99, title: "x", dueDate: "2030-01-01", reviewerIds: [town.reviewer.id] })).rejects.toMatchObject({ code: "not_found" });
    // Beyond what a version number can be (the database column would overflow): refused in words, not a server error.
    await expect(startRound(town.admin, { conceptId: ids.conceptId, versionNumber: 3_000_000_000, title: "x", dueDate: "2030-01-01", reviewerIds: [town.reviewer.id] })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("Bitte eine Version wählen."),
    });
    await expect(startRound(town.admin, { conceptId: ids.conceptId, versionNumber: 1, title: "x", dueDate: "2030-01-01", reviewerIds: [town.viewer.id] })).rejects.toMatchObject({ code: "bad_request" });
    expect((await readInbox(town.reviewer, { municipalityId: ids.municipalityId })).rounds.map((r) => r.id)).toContain(roundId);
    await expect(answerRound(town.editor, { conceptId: ids.conceptId, roundId, target: "mandate", verdict: "approve" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(answerRound(town.reviewer, { conceptId: ids.conceptId, roundId, target: "nirgends", verdict: "approve" })).rejects.toMatchObject({ code: "bad_request" });
    const { targets } = await listRounds(town.viewer, ids.conceptId);
    for (const [i, target] of targets.entries()) {
      await answerRound(town.reviewer, { conceptId: ids.conceptId, roundId, target: target.key, verdict: i === 0 ? "request_changes" : "approve", note: i === 0 ? "Geltungszeitraum fehlt" : "" });
    }
    const view = (await listRounds(town.viewer, ids.conceptId)).rounds.find((r) => r.round.id === roundId)!;
    expect(view.overdue).toBe(true);
    expect(view.reviewers).toEqual([{ userId: town.reviewer.id, name: town.reviewer.name, answered: targets.length, completedAt: null, verdict: null, note: "" }]);
    expect(view.answers.find((a) => a.target === targets[0]!.key)).toMatchObject({ verdict: "request_changes", note: "Geltungszeitraum fehlt" });
    await closeRound(town.admin, { conceptId: ids.conceptId, roundId });
    await expect(answerRound(town.reviewer, { conceptId: ids.conceptId, roundId, target: "mandate", verdict: "approve" })).rejects.toMatchObject({ code: "conflict" });
    const closed = (await listRounds(town.viewer, ids.conceptId)).rounds.find((r) => r.round.id === roundId)!;
    expect(closed.round.state).toBe("closed");
    expect(closed.answers).toHaveLength(targets.length);
    expect((await readActivity(town.viewer, ids.conceptId)).map((e) => e.action)).toEqual(expect.arrayContaining(["round.start", "round.approve", "round.request_changes", "round.close", "section.edit"]));
  });
});

describe("the demo review", () => {
  it("has open and resolved threads whose passages are found, and an open round with some answers", async () => {
    const demo = await makeMunicipality("Demoprüfstadt");
    const db = await getDb();
    const concept = await insertSeedConcept(db, { municipalityId: demo.municipality.id, userId: demo.editor.id, seed: musterstadtConcept });
    await insertSeedHistory(db, { concept, editorId: demo.editor.id, adminId: demo.admin.id });
    await insertSeedReview(db, { concept, adminId: demo.admin.id, editorId: demo.editor.id, reviewerId: demo.reviewer.id, editorName: demo.editor.name, reviewerName: demo.reviewer.name });
    const { threads } = await listThreads(demo.viewer, concept.id);
    expect(threads).toHaveLength(5);
    expect(threads.filter((t) => t.targetKind === "text").every((t) => t.anchorState === "ok")).toBe(true);
    expect(threads.map((t) => t.state).sort()).toEqual(["open", "open", "open", "open", "resolved"]);
    const { rounds } = await listRounds(demo.viewer, concept.id);
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ overdue: false, round: { state: "open" } });
    expect(rounds[0]!.answers).toHaveLength(3);
    const inbox = await readInbox(demo.reviewer, { municipalityId: demo.municipality.id });
    expect(inbox.rounds).toHaveLength(1);
    expect(inbox.unread).toBeGreaterThanOrEqual(2);
  });
});

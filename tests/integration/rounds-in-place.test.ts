/**
 * A review round answered on the concept page (issue 13): the page's view of
 * the open round, "Prüfung abschließen" with an overall verdict and its
 * refusals (nothing changes), reminders that skip who finished, and the
 * results as CSV through the route handler.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db";
import { auditLog, notifications, reviewAnswers, reviewRoundReviewers, reviewRounds } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-role";
import { loadPdfModel, parsePdfQuery } from "@/lib/pdf/export";
import { readInbox } from "@/lib/review/inbox";
import { sendRoundReminders } from "@/lib/review/reminders";
import { roundForPage } from "@/lib/review/round-page";
import { exportRoundCsv } from "@/lib/review/round-results";
import { answerRound, completeRound, listRounds, startRound } from "@/lib/review/rounds";
import { populatedTown, type Ids, type Town } from "../support/scenario";

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { sessionId: session.id, user: { id: "x" } } : null) }));
const { GET: getCsv } = await import("@/app/api/concepts/[conceptId]/rounds/[roundId]/results.csv/route");

let own: { town: Town; ids: Ids };
let other: { town: Town; ids: Ids };
let roundId: string;
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** What a refused call must leave alone: the round, its reviewers' rows, the answers and the audit log of the municipality. */
async function state(round: string) {
  const db = await getDb();
  return {
    round: await db.select().from(reviewRounds).where(eq(reviewRounds.id, round)),
    reviewers: await db.select().from(reviewRoundReviewers).where(eq(reviewRoundReviewers.roundId, round)).orderBy(asc(reviewRoundReviewers.userId)),
    answers: await db.select().from(reviewAnswers).where(eq(reviewAnswers.roundId, round)).orderBy(asc(reviewAnswers.reviewerId), asc(reviewAnswers.target)),
    audit: (await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.municipalityId, own.ids.municipalityId))).length,
  };
}

async function csv(as: Actor | null, conceptId: string, round: string) {
  session.id = as?.sessionId ?? null;
  return getCsv(new Request(`http://localhost/api/concepts/${conceptId}/rounds/${round}/results.csv`), { params: Promise.resolve({ conceptId, roundId: round }) });
}

beforeAll(async () => {
  own = await populatedTown("Rundenstadt");
  other = await populatedTown("Fremdrunde");
  // The scenario's own round (admin and reviewer) stays open; this one asks the reviewer and the editor, due tomorrow.
  ({ roundId } = await startRound(own.town.admin, {
    conceptId: own.ids.conceptId,
    versionNumber: 1,
    title: "Ressortabstimmung im Text",
    dueDate: tomorrow(),
    reviewerIds: [own.town.reviewer.id, own.town.editor.id],
  }));
}, 120_000);
afterAll(() => closeDb());

describe("the concept page's view of the open round", () => {
  it("shows the reviewer the round they must answer, due soon, with every chapter and field of action to answer", async () => {
    const round = (await roundForPage(own.town.reviewer, own.ids.conceptId))!;
    expect(round).toMatchObject({ id: roundId, title: "Ressortabstimmung im Text", dueSoon: true, overdue: false, canManage: false });
    expect(round.targets).toEqual(expect.arrayContaining(["mandate", "field:language", "demands"]));
    expect(round.mine).toMatchObject({ answered: 0, completed: null, canAnswer: true, answers: {} });
    // A viewer sees the round but answers nothing; another municipality sees nothing of it.
    expect((await roundForPage(own.town.viewer, own.ids.conceptId))?.mine).toBeNull();
    await expect(roundForPage(other.town.admin, own.ids.conceptId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("shows two chapters answered in place, with the note", async () => {
    await answerRound(own.town.reviewer, { conceptId: own.ids.conceptId, roundId, target: "mandate", verdict: "approve" });
    await answerRound(own.town.reviewer, { conceptId: own.ids.conceptId, roundId, target: "field:language", verdict: "request_changes", note: "=HYPERLINK(\"http://evil\") Zielgruppe Eltern fehlt" });
    const round = (await roundForPage(own.town.reviewer, own.ids.conceptId))!;
    expect(round.mine).toMatchObject({ answered: 2, answers: { mandate: { verdict: "approve", note: "" }, "field:language": { verdict: "request_changes" } } });
    expect(round.reviewers.find((r) => r.name === own.town.reviewer.name)).toMatchObject({ answered: 2, completed: false });
  });
});

describe("Prüfung abschließen", () => {
  it("refuses who is not in the round, a viewer, another municipality and a bad verdict, and changes nothing", async () => {
    const before = await state(roundId);
    const input = { conceptId: own.ids.conceptId, roundId, verdict: "approve", note: "" };
    await expect(completeRound(own.town.admin, input)).rejects.toMatchObject({ code: "forbidden", message: "Sie gehören nicht zu den Prüfenden dieser Runde." });
    await expect(completeRound(own.town.viewer, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(completeRound(other.town.admin, input)).rejects.toMatchObject({ code: "not_found" });
    await expect(completeRound(other.town.reviewer, input)).rejects.toMatchObject({ code: "not_found" });
    // Another municipality's round named under the own concept is not found either.
    await expect(completeRound(own.town.reviewer, { ...input, roundId: other.ids.roundId })).rejects.toMatchObject({ code: "not_found" });
    await expect(completeRound(own.town.reviewer, { ...input, verdict: "vielleicht" })).rejects.toMatchObject({ code: "bad_request" });
    expect(await state(roundId)).toEqual(before);
  });

  it("records the reviewer's overall verdict; their answers are final, the round waits for the editor", async () => {
    const done = await completeRound(own.town.reviewer, { conceptId: own.ids.conceptId, roundId, verdict: "request_changes", note: "Kapitel Sprache überarbeiten" });
    expect(done).toEqual({ verdict: "request_changes", roundClosed: false });
    const before = await state(roundId);
    await expect(answerRound(own.town.reviewer, { conceptId: own.ids.conceptId, roundId, target: "vision", verdict: "approve" })).rejects.toMatchObject({ code: "conflict" });
    await expect(completeRound(own.town.reviewer, { conceptId: own.ids.conceptId, roundId, verdict: "approve" })).rejects.toMatchObject({ code: "conflict" });
    expect(await state(roundId)).toEqual(before);

    const page = (await roundForPage(own.town.reviewer, own.ids.conceptId))!;
    // The scenario's round (which they still have to answer) comes first now.
    expect(page.id).toBe(own.ids.roundId);
    const view = (await listRounds(own.town.viewer, own.ids.conceptId)).rounds.find((r) => r.round.id === roundId)!;
    expect(view.round.state).toBe("open");
    expect(view.reviewers.find((r) => r.userId === own.town.reviewer.id)).toMatchObject({ verdict: "request_changes", note: "Kapitel Sprache überarbeiten", answered: 2 });
    // "Für mich" no longer waits for them on this round, but still for the editor.
    expect((await readInbox(own.town.reviewer, { municipalityId: own.ids.municipalityId })).rounds.map((r) => r.id)).not.toContain(roundId);
    expect((await readInbox(own.town.editor, { municipalityId: own.ids.municipalityId })).rounds.find((r) => r.id === roundId)).toMatchObject({ dueSoon: true });
  });

  it("reminds only the reviewer who has not finished", async () => {
    await sendRoundReminders(new Date());
    const db = await getDb();
    const reminded = await db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.roundId, roundId), eq(notifications.kind, "reminder")));
    expect(reminded.map((r) => r.userId)).toEqual([own.town.editor.id]);
  });
});

describe("GET /api/concepts/{id}/rounds/{roundId}/results.csv", () => {
  it("gives the admin every chapter per reviewer and the overall verdicts, formula-looking notes defused", async () => {
    const res = await csv(own.town.admin, own.ids.conceptId, roundId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain("Pruefrunde_Ressortabstimmung-im-Text.csv");
    const text = (await res.text()).replace(/^\ufeff/, "");
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("Kapitel / Handlungsfeld;Person;Votum;Anmerkung;Zeitpunkt");
    const reviewer = own.town.reviewer.name;
    expect(lines.find((l) => l.startsWith(`Anlass und Auftrag;${reviewer};`))).toMatch(/;Zustimmung;;\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    expect(lines.find((l) => l.startsWith(`Sprache;${reviewer};`))).toContain(`;Änderungsbedarf;"'=HYPERLINK(""http://evil"") Zielgruppe Eltern fehlt";`);
    expect(lines.find((l) => l.startsWith(`Integrationsverständnis und Leitbild;${reviewer};`))).toContain(";keine Antwort;");
    expect(lines.find((l) => l.startsWith(`Gesamtvotum;${reviewer};`))).toContain(";Änderungsbedarf;Kapitel Sprache überarbeiten;");
    expect(lines.find((l) => l.startsWith(`Gesamtvotum;${own.town.editor.name};`))).toContain(";Prüfung nicht abgeschlossen;");
    // One row per target and reviewer, then one overall row per reviewer.
    const { targets } = await listRounds(own.town.viewer, own.ids.conceptId);
    expect(lines).toHaveLength(1 + targets.length * 2 + 2);
  });

  it("refuses other roles (403), another municipality and an unknown round (404), and a signed-out client (401)", async () => {
    for (const who of [own.town.editor, own.town.reviewer, own.town.viewer]) expect((await csv(who, own.ids.conceptId, roundId)).status).toBe(403);
    expect((await csv(other.town.admin, own.ids.conceptId, roundId)).status).toBe(404);
    expect((await csv(other.town.admin, other.ids.conceptId, roundId)).status).toBe(404);
    expect((await csv(own.town.admin, own.ids.conceptId, other.ids.roundId)).status).toBe(404);
    expect((await csv(own.town.admin, own.ids.conceptId, "keine-kennung")).status).toBe(404);
    expect((await csv(null, own.ids.conceptId, roundId)).status).toBe(401);
    await expect(exportRoundCsv(own.town.editor, { conceptId: own.ids.conceptId, roundId })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("when the last reviewer finishes", () => {
  it("the round closes; a later answer or completion is refused and changes nothing", async () => {
    expect(await completeRound(own.town.editor, { conceptId: own.ids.conceptId, roundId, verdict: "approve" })).toEqual({ verdict: "approve", roundClosed: true });
    const view = (await listRounds(own.town.viewer, own.ids.conceptId)).rounds.find((r) => r.round.id === roundId)!;
    expect(view.round.state).toBe("closed");
    // Its reviewers still see it at the top of the concept page for a few days, finished, with nothing left to answer.
    expect(await roundForPage(own.town.editor, own.ids.conceptId)).toMatchObject({ id: roundId, state: "closed", mine: { completed: { verdict: "approve" }, canAnswer: false } });
    expect((await roundForPage(own.town.editor, own.ids.conceptId, undefined, new Date(Date.now() + 4 * 86_400_000)))?.id).not.toBe(roundId);
    const before = await state(roundId);
    await expect(answerRound(own.town.editor, { conceptId: own.ids.conceptId, roundId, target: "mandate", verdict: "approve" })).rejects.toMatchObject({ code: "conflict" });
    await expect(completeRound(own.town.editor, { conceptId: own.ids.conceptId, roundId, verdict: "approve" })).rejects.toMatchObject({ code: "conflict", message: "Diese Prüfrunde ist abgeschlossen." });
    expect(await state(roundId)).toEqual(before);
    const db = await getDb();
    // The PDF annex has the same rows as the CSV, for every reader who may export.
    expect(parsePdfQuery(new URLSearchParams("rounds=1")).rounds).toBe(true);
    const { model } = await loadPdfModel(own.town.viewer, own.ids.conceptId, { rounds: true });
    const annex = model.rounds!.find((r) => r.title === "Ressortabstimmung im Text")!;
    expect(annex.meta).toMatch(/^Version 1 · fällig am \d{2}\.\d{2}\.\d{4} · abgeschlossen$/);
    expect(annex.rows.filter((r) => r.target === "Gesamtvotum")).toEqual([
      { target: "Gesamtvotum", reviewer: own.town.reviewer.name, verdict: "Änderungsbedarf", note: "Kapitel Sprache überarbeiten" },
      { target: "Gesamtvotum", reviewer: own.town.editor.name, verdict: "Zustimmung", note: "" },
    ].sort((a, b) => a.reviewer.localeCompare(b.reviewer)));
    expect((await loadPdfModel(own.town.viewer, own.ids.conceptId)).model.rounds).toBeNull();
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.objectId, roundId), eq(auditLog.action, "round.complete")));
    expect(actions).toHaveLength(2);
  });
});

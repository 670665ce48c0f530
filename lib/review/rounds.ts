import "server-only";
import { getDb } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { insertNotifications } from "@/db/queries/comments";
import { listMembers } from "@/db/queries/members";
import { closeRoundRow, completeReviewerRow, getRound, insertRound, listAnswers, listRoundReviewers, listRoundRows, lockForAnswer, upsertAnswer } from "@/db/queries/rounds";
import { getVersionRow } from "@/db/queries/versions";
import type { Concept, ReviewRound } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { AppError } from "@/lib/errors";
import { chapterPartTitle, templateFor } from "@/lib/template";
import { describeZodError, fieldErrors, isCalendarDate, z } from "@/lib/validation";
import { currentConceptTree } from "@/lib/realtime/store";
import { MAX_VERSION_NUMBER } from "@/lib/versions/read";
import { queueRoundMails } from "@/lib/mail/notification-mails";
import { kickMailQueue } from "@/lib/mail/queue";

const id = z.string().uuid("Ungültige Kennung.");
export const VERDICTS = ["approve", "request_changes"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const startRoundSchema = z.object({
  conceptId: id,
  versionNumber: z.number({ error: "Bitte eine Version wählen." }).int("Bitte eine Version wählen.").min(1, "Bitte eine Version wählen.").max(MAX_VERSION_NUMBER, "Bitte eine Version wählen."),
  title: z.string().trim().min(1, "Bitte eine Bezeichnung angeben.").max(200, "Die Bezeichnung ist zu lang (höchstens 200 Zeichen)."),
  dueDate: z.string({ error: "Bitte ein Fälligkeitsdatum angeben." }).refine(isCalendarDate, "Bitte ein Fälligkeitsdatum angeben, das es gibt (JJJJ-MM-TT)."),
  reviewerIds: z.array(id).min(1, "Bitte mindestens eine prüfende Person wählen.").max(100),
});
export const answerSchema = z.object({
  conceptId: id,
  roundId: id,
  target: z.string().max(100),
  verdict: z.enum(VERDICTS, "Bitte Zustimmung oder Änderungsbedarf wählen."),
  note: z.string().max(5000, "Die Anmerkung ist zu lang (höchstens 5000 Zeichen).").default(""),
});
export const roundRefSchema = z.object({ conceptId: id, roundId: id });
export const completeSchema = z.object({
  conceptId: id,
  roundId: id,
  verdict: z.enum(VERDICTS, "Bitte ein Gesamtvotum wählen: Zustimmung oder Änderungsbedarf."),
  note: z.string().max(5000, "Die Anmerkung ist zu lang (höchstens 5000 Zeichen).").default(""),
});

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("bad_request", describeZodError(result.error), fieldErrors(result.error));
  return result.data;
}

export type RoundTarget = { key: string; chapter: string; fieldKey: string | null; title: string };

/**
 * What a round asks about: each chapter, and each field of action on its own
 * instead of the chapter "Handlungsfelder" (whose own introduction, from
 * template 2 on, is asked about before its fields).
 */
export async function roundTargets(concept: Concept, loaded?: { fields: { key: string; title: string }[] }): Promise<RoundTarget[]> {
  const tree = loaded ?? (await currentConceptTree(concept.id));
  const out: RoundTarget[] = [];
  for (const c of templateFor(concept.templateVersion).chapters) {
    if (c.key === "fields") {
      for (const p of c.parts) out.push({ key: "fields", chapter: "fields", fieldKey: null, title: chapterPartTitle(c, p) });
      for (const f of tree.fields) out.push({ key: `field:${f.key}`, chapter: "fields", fieldKey: f.key, title: f.title });
    } else out.push({ key: c.key, chapter: c.key, fieldKey: null, title: c.title });
  }
  return out;
}

/** An admin starts a review round for a version, with reviewers (members who may answer) and a due date. */
export async function startRound(actor: Actor, input: unknown) {
  const data = parse(startRoundSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "review.manage");
  if (!(await getVersionRow({ conceptId: concept.id, number: data.versionNumber }))) throw new AppError("not_found", `Version ${data.versionNumber} gibt es nicht.`);
  const members = new Map((await listMembers({ municipalityId: concept.municipalityId })).map((m) => [m.userId, m]));
  const reviewerIds = [...new Set(data.reviewerIds)];
  // Someone outside the municipality is "not found", like any foreign id.
  if (reviewerIds.some((r) => !members.has(r))) throw new AppError("not_found", "Diese Person gehört nicht zur Kommune.");
  if (reviewerIds.some((r) => members.get(r)!.role === "viewer")) throw new AppError("bad_request", "Prüfen können nur Mitglieder mit Prüf-, Redaktions- oder Leitungsrolle.");
  const others = reviewerIds.filter((r) => r !== actor.id);
  const db = await getDb();
  const started = await db.transaction(async (tx) => {
    const round = await insertRound({ conceptId: concept.id, municipalityId: concept.municipalityId, versionNumber: data.versionNumber, title: data.title, dueDate: data.dueDate, createdBy: actor.id, reviewerIds }, tx);
    await insertNotifications(
      others.map((userId) => ({ municipalityId: concept.municipalityId, userId, kind: "round" as const, conceptId: concept.id, roundId: round.id, actorId: actor.id })),
      tx,
    );
    await queueRoundMails(tx, { concept, round: { title: data.title, dueDate: data.dueDate }, actorName: actor.name, userIds: others });
    await recordAudit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, action: "round.start", conceptId: concept.id, objectId: round.id, details: { version: data.versionNumber, reviewers: reviewerIds.length } });
    return { roundId: round.id };
  });
  if (others.length) kickMailQueue();
  return started;
}

/** A chosen reviewer records Zustimmung or Änderungsbedarf (with a note) for one chapter or field of action; a later answer replaces it. */
export async function answerRound(actor: Actor, input: unknown) {
  const data = parse(answerSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "review.answer");
  const round = await getRound({ conceptId: concept.id, roundId: data.roundId });
  if (!round) throw new AppError("not_found", "Diese Prüfrunde gibt es nicht.");
  const reviewers = await listRoundReviewers({ roundIds: [round.id] });
  const me = reviewers.find((r) => r.userId === actor.id);
  if (!me) throw new AppError("forbidden", "Sie gehören nicht zu den Prüfenden dieser Runde.");
  if (round.state !== "open") throw new AppError("conflict", "Diese Prüfrunde ist abgeschlossen.");
  if (me.completedAt) throw new AppError("conflict", "Sie haben Ihre Prüfung in dieser Runde bereits abgeschlossen.");
  if (!(await roundTargets(concept)).some((t) => t.key === data.target)) throw new AppError("bad_request", "Unbekanntes Kapitel oder Handlungsfeld.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    // Again under lock: a closing or the reviewer's completion in another tab that committed meanwhile wins.
    const now = await lockForAnswer({ roundId: round.id, userId: actor.id }, tx);
    if (!now.open) throw new AppError("conflict", "Diese Prüfrunde ist abgeschlossen.");
    if (now.completed) throw new AppError("conflict", "Sie haben Ihre Prüfung in dieser Runde bereits abgeschlossen.");
    await upsertAnswer({ roundId: round.id, reviewerId: actor.id, municipalityId: concept.municipalityId, target: data.target, verdict: data.verdict, note: data.note.trim() }, tx);
    await recordAudit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, action: data.verdict === "approve" ? "round.approve" : "round.request_changes", conceptId: concept.id, objectId: round.id, details: { target: data.target } });
  });
  return { target: data.target, verdict: data.verdict };
}

/**
 * "Prüfung abschließen": a chosen reviewer ends their part of an open round
 * with an overall verdict (and an optional note); their answers are final from
 * then on. Chapters left unanswered stay so, as the results show. When the
 * last reviewer has finished, the round closes.
 */
export async function completeRound(actor: Actor, input: unknown) {
  const data = parse(completeSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "review.answer");
  const round = await getRound({ conceptId: concept.id, roundId: data.roundId });
  if (!round) throw new AppError("not_found", "Diese Prüfrunde gibt es nicht.");
  const reviewers = await listRoundReviewers({ roundIds: [round.id] });
  const me = reviewers.find((r) => r.userId === actor.id);
  if (!me) throw new AppError("forbidden", "Sie gehören nicht zu den Prüfenden dieser Runde.");
  if (round.state !== "open") throw new AppError("conflict", "Diese Prüfrunde ist abgeschlossen.");
  if (me.completedAt) throw new AppError("conflict", "Sie haben Ihre Prüfung in dieser Runde bereits abgeschlossen.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Conditional on "not yet completed": two clicks at once complete once.
    if (!(await completeReviewerRow({ roundId: round.id, userId: actor.id, verdict: data.verdict, note: data.note.trim() }, tx)))
      throw new AppError("conflict", "Sie haben Ihre Prüfung in dieser Runde bereits abgeschlossen.");
    const open = (await listRoundReviewers({ roundIds: [round.id] }, tx)).filter((r) => !r.completedAt).length;
    if (open === 0) await closeRoundRow({ roundId: round.id }, tx);
    await recordAudit(tx, {
      municipalityId: concept.municipalityId,
      actorId: actor.id,
      action: "round.complete",
      conceptId: concept.id,
      objectId: round.id,
      details: { verdict: data.verdict, closed: open === 0 ? 1 : 0 },
    });
    return { verdict: data.verdict, roundClosed: open === 0 };
  });
}

/** Close a round (admins); its record stays. */
export async function closeRound(actor: Actor, input: unknown) {
  const data = parse(roundRefSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "review.manage");
  const round = await getRound({ conceptId: concept.id, roundId: data.roundId });
  if (!round) throw new AppError("not_found", "Diese Prüfrunde gibt es nicht.");
  if (round.state !== "open") throw new AppError("conflict", "Diese Prüfrunde ist bereits abgeschlossen.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await closeRoundRow({ roundId: round.id }, tx);
    await recordAudit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, action: "round.close", conceptId: concept.id, objectId: round.id });
  });
  return { roundId: round.id };
}

export type RoundView = {
  round: ReviewRound;
  overdue: boolean;
  reviewers: { userId: string; name: string; answered: number; completedAt: Date | null; verdict: Verdict | null; note: string }[];
  answers: { reviewerId: string; target: string; verdict: Verdict; note: string; answeredAt: Date }[];
};

function today() {
  return new Date().toISOString().slice(0, 10);
}

/** The rounds of a concept with who answered what (every member may read them). */
export async function listRounds(actor: Actor, conceptId: string) {
  const { concept, role } = await requireConcept(actor, conceptId, "concept.read");
  const rows = await listRoundRows({ conceptId: concept.id });
  const ids = rows.map((r) => r.id);
  const [reviewers, answers, targets] = await Promise.all([listRoundReviewers({ roundIds: ids }), listAnswers({ roundIds: ids }), roundTargets(concept)]);
  const rounds: RoundView[] = rows.map((round) => {
    const own = answers.filter((a) => a.roundId === round.id);
    return {
      round,
      overdue: round.state === "open" && round.dueDate < today(),
      reviewers: reviewers
        .filter((r) => r.roundId === round.id)
        .map((r) => ({
          userId: r.userId,
          name: r.name,
          answered: own.filter((a) => a.reviewerId === r.userId).length,
          completedAt: r.completedAt,
          verdict: (r.verdict as Verdict | null) ?? null,
          note: r.note,
        })),
      answers: own.map((a) => ({ reviewerId: a.reviewerId, target: a.target, verdict: a.verdict as Verdict, note: a.note, answeredAt: a.answeredAt })),
    };
  });
  return { concept, role, rounds, targets };
}

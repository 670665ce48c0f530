import "server-only";
import type { JSONContent } from "@tiptap/core";
import { getDb, type Executor } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import {
  getCommentInConcept,
  getThread,
  insertComment,
  insertNotifications,
  insertThread,
  listThreadsWithComments,
  setThreadState as setThreadStateRow,
  threadParticipants,
  updateComment,
} from "@/db/queries/comments";
import { getConceptTree } from "@/db/queries/concepts";
import { getMeasure } from "@/db/queries/measures";
import { listMembers } from "@/db/queries/members";
import { getSection, getSectionMeta } from "@/db/queries/sections";
import type { Concept, Section, TextAnchor } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { AppError } from "@/lib/errors";
import { templateFor } from "@/lib/template";
import { describeZodError, fieldErrors, findInvalidText, INVALID_TEXT_MESSAGE, z } from "@/lib/validation";
import { anchorForQuote, anchorText, makeAnchor, MAX_QUOTE, resolveAnchor } from "./anchor";
import { findLinks, type LinkSpan } from "./comment-links";
import { cleanCommentBody, findMentions, MAX_COMMENT, type Member } from "./comment-text";
import { compactSection, currentConceptTree } from "@/lib/realtime/store";
import { queueMentionMails } from "@/lib/mail/notification-mails";
import { kickMailQueue } from "@/lib/mail/queue";
import { listSuggestions } from "@/lib/suggestions/list";
import { hasSuggestions } from "@/lib/suggestions/resolve";

const body = z
  .string({ error: "Bitte einen Kommentar schreiben." })
  // Refused here too, not only in the route and the action frame: the domain function is the last door before the database.
  .refine((text) => findInvalidText(text) === null, `Der Kommentar ${INVALID_TEXT_MESSAGE}`)
  .transform(cleanCommentBody)
  .pipe(z.string().min(1, "Bitte einen Kommentar schreiben.").max(MAX_COMMENT, `Der Kommentar ist zu lang (höchstens ${MAX_COMMENT} Zeichen).`));
/** An id of the request, named when wrong: "Kommentar: ungültige Kennung." */
const id = (what: string) => z.string({ error: `${what}: ungültige Kennung.` }).uuid(`${what}: ungültige Kennung.`);

/** A position in the part's text: the API's callers send numbers the editor computed, so one message for every way it is wrong. */
const BAD_OFFSET = "Die Markierung im Text ist ungültig (Anfang und Ende als ganze Zahlen ab 0).";
const offset = z.number({ error: BAD_OFFSET }).int(BAD_OFFSET).min(0, BAD_OFFSET);
const QUOTE_TOO_LONG = `Die markierte Textstelle ist zu lang (höchstens ${MAX_QUOTE} Zeichen).`;
const UNKNOWN_CHAPTER = "Dieses Kapitel gibt es nicht.";

const targetSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("text"),
    sectionId: id("Textteil"),
    /** the selection in the section's anchor text (lib/review/anchor) … */
    start: offset.optional(),
    end: offset.optional(),
    /** … and/or the quoted passage (checked against the text; the only input on the keyboard path) */
    quote: z.string({ error: "Die markierte Textstelle muss ein Text sein." }).max(MAX_QUOTE, QUOTE_TOO_LONG).optional(),
  }),
  z.object({ kind: z.literal("measure"), measureId: id("Maßnahme") }),
  z.object({
    kind: z.literal("chapter"),
    chapter: z.string({ error: UNKNOWN_CHAPTER }).max(60, UNKNOWN_CHAPTER),
    fieldKey: z.string({ error: UNKNOWN_CHAPTER }).max(80, UNKNOWN_CHAPTER).nullish(),
  }),
  /** an answer to an open proposal (Änderungsvorschlag) of a part, before it is decided */
  z.object({
    kind: z.literal("suggestion"),
    sectionId: id("Textteil"),
    suggestionId: z.string({ error: "Änderungsvorschlag: ungültige Kennung." }).regex(/^[A-Za-z0-9_-]{1,64}$/, "Änderungsvorschlag: ungültige Kennung."),
  }),
], { error: "Bitte angeben, worauf sich der Kommentar bezieht (Textstelle, Maßnahme, Kapitel oder Änderungsvorschlag)." });

export const createThreadSchema = z.object({ conceptId: id("Konzept"), target: targetSchema, body });
export const replySchema = z.object({ conceptId: id("Konzept"), threadId: id("Kommentarfaden"), body });
export const editCommentSchema = z.object({ conceptId: id("Konzept"), commentId: id("Kommentar"), body });
export const commentRefSchema = z.object({ conceptId: id("Konzept"), commentId: id("Kommentar") });
export const threadStateSchema = z.object({ conceptId: id("Konzept"), threadId: id("Kommentarfaden"), state: z.enum(["open", "resolved"], { error: "Bitte „open“ (offen) oder „resolved“ (erledigt) angeben." }) });

/** Each message above names what is wrong in words; the JSON path ("target.start") would only add jargon. */
const WITHOUT_PATH = { conceptId: "", threadId: "", commentId: "", target: "", body: "", state: "" };

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("bad_request", describeZodError(result.error, WITHOUT_PATH), fieldErrors(result.error));
  return result.data;
}

async function members(municipalityId: string, tx?: Executor): Promise<Member[]> {
  return (await listMembers({ municipalityId }, tx)).map((m) => ({ id: m.userId, name: m.name }));
}

/**
 * A part of this concept as typed so far: what the editors wrote in real time is folded in first, and only once
 * the part is known to be this concept's (a fold writes, and must not be set off in somebody else's concept).
 */
async function liveSectionOf(concept: Concept, sectionId: string) {
  const owned = await getSectionMeta({ sectionId });
  if (!owned || owned.conceptId !== concept.id) throw new AppError("not_found", "Diesen Abschnitt gibt es nicht.");
  await compactSection(sectionId);
  const section = await getSection({ sectionId });
  if (!section) throw new AppError("not_found", "Diesen Abschnitt gibt es nicht.");
  return section;
}

/** Where a new thread points, checked against this concept; the anchor is made here, from the stored text. */
async function resolveTarget(concept: Concept, target: z.output<typeof targetSchema>) {
  if (target.kind === "text") {
    // Anchored in the text as typed so far.
    const section = await liveSectionOf(concept, target.sectionId);
    const text = anchorText(section.content as JSONContent);
    let anchor: TextAnchor | null = null;
    if (target.start !== undefined && target.end !== undefined) {
      anchor = makeAnchor(text, target.start, target.end);
      // The page may be older than the text: then the quote decides.
      if (anchor && target.quote !== undefined && anchor.quote.replace(/\s+/g, " ").trim() !== target.quote.replace(/\s+/g, " ").trim()) anchor = null;
    }
    if (!anchor && target.quote) anchor = anchorForQuote(text, target.quote);
    if (!anchor) throw new AppError("bad_request", "Die markierte Textstelle wurde im Abschnitt nicht gefunden. Bitte die Stelle erneut markieren.");
    const fieldKey = section.fieldId ? ((await getConceptTree({ conceptId: concept.id })).fields.find((f) => f.id === section.fieldId)?.key ?? null) : null;
    return { targetKind: "text" as const, sectionId: section.id, measureId: null, chapter: section.chapter, fieldKey, anchor };
  }
  if (target.kind === "suggestion") {
    // The proposal must be open in the part's text as typed so far.
    const section = await liveSectionOf(concept, target.sectionId);
    let open = false;
    try {
      open = hasSuggestions(section.content as JSONContent) && listSuggestions(section.content as JSONContent).some((s) => s.id === target.suggestionId);
    } catch {
      open = false;
    }
    if (!open) throw new AppError("not_found", "Diesen Änderungsvorschlag gibt es nicht (mehr). Vielleicht wurde er schon angenommen oder abgelehnt.");
    const fieldKey = section.fieldId ? ((await getConceptTree({ conceptId: concept.id })).fields.find((f) => f.id === section.fieldId)?.key ?? null) : null;
    return { targetKind: "suggestion" as const, sectionId: section.id, measureId: null, chapter: section.chapter, fieldKey, anchor: null, suggestionId: target.suggestionId };
  }
  if (target.kind === "measure") {
    const measure = await getMeasure({ measureId: target.measureId });
    if (!measure || measure.conceptId !== concept.id) throw new AppError("not_found", "Diese Maßnahme gibt es nicht.");
    const field = (await getConceptTree({ conceptId: concept.id })).fields.find((f) => f.id === measure.fieldId);
    return { targetKind: "measure" as const, sectionId: null, measureId: measure.id, chapter: "fields", fieldKey: field?.key ?? null, anchor: null };
  }
  const chapter = templateFor(concept.templateVersion).chapters.find((c) => c.key === target.chapter);
  if (!chapter) throw new AppError("bad_request", "Unbekanntes Kapitel.");
  let fieldKey: string | null = null;
  if (target.fieldKey) {
    if (chapter.key !== "fields") throw new AppError("bad_request", "Ein Handlungsfeld gehört zum Kapitel Handlungsfelder.");
    const field = (await getConceptTree({ conceptId: concept.id })).fields.find((f) => f.key === target.fieldKey);
    if (!field) throw new AppError("not_found", "Dieses Handlungsfeld gibt es nicht.");
    fieldKey = field.key;
  }
  return { targetKind: "chapter" as const, sectionId: null, measureId: null, chapter: chapter.key, fieldKey, anchor: null };
}

async function notify(
  tx: Executor,
  input: { concept: Concept; threadId: string; actor: Actor; mentions: string[]; participants: string[] },
) {
  const actorId = input.actor.id;
  const mentioned = new Set(input.mentions.filter((u) => u !== actorId));
  const rows = [
    ...[...mentioned].map((userId) => ({ userId, kind: "mention" as const })),
    ...input.participants.filter((u) => u !== actorId && !mentioned.has(u)).map((userId) => ({ userId, kind: "reply" as const })),
  ];
  await insertNotifications(
    rows.map((r) => ({ ...r, municipalityId: input.concept.municipalityId, conceptId: input.concept.id, threadId: input.threadId, actorId })),
    tx,
  );
  // A mention also goes out by mail (when a mail server is configured); replies stay in the app.
  await queueMentionMails(tx, { concept: input.concept, threadId: input.threadId, actorName: input.actor.name, userIds: [...mentioned] });
}

/**
 * Start a thread: on a passage of a rich-text part (the server makes the
 * anchor from the stored text and the selection), on a measure, or on a chapter
 * / field of action. Reviewers may; the section's text is not touched.
 */
export async function createThread(actor: Actor, input: unknown): Promise<{ threadId: string; commentId: string }> {
  const data = parse(createThreadSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "comment.create");
  const target = await resolveTarget(concept, data.target);
  const mentions = findMentions(data.body, await members(concept.municipalityId));
  const db = await getDb();
  const created = await db.transaction(async (tx) => {
    const thread = await insertThread({ ...target, conceptId: concept.id, municipalityId: concept.municipalityId, createdBy: actor.id }, tx);
    const comment = await insertComment({ threadId: thread.id, municipalityId: concept.municipalityId, authorId: actor.id, body: data.body, mentions }, tx);
    await notify(tx, { concept, threadId: thread.id, actor, mentions, participants: [] });
    await recordAudit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, action: "comment.create", conceptId: concept.id, objectId: thread.id, details: { target: target.targetKind, chapter: target.chapter, field: target.fieldKey } });
    return { threadId: thread.id, commentId: comment.id };
  });
  if (mentions.length) kickMailQueue();
  return created;
}

export async function replyToThread(actor: Actor, input: unknown): Promise<{ commentId: string }> {
  const data = parse(replySchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "comment.create");
  const thread = await getThread({ conceptId: concept.id, threadId: data.threadId });
  if (!thread) throw new AppError("not_found", "Diesen Kommentar gibt es nicht.");
  const mentions = findMentions(data.body, await members(concept.municipalityId));
  const db = await getDb();
  const replied = await db.transaction(async (tx) => {
    const participants = await threadParticipants({ threadId: thread.id }, tx);
    const comment = await insertComment({ threadId: thread.id, municipalityId: concept.municipalityId, authorId: actor.id, body: data.body, mentions }, tx);
    await notify(tx, { concept, threadId: thread.id, actor, mentions, participants });
    await recordAudit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, action: "comment.reply", conceptId: concept.id, objectId: thread.id });
    return { commentId: comment.id };
  });
  if (mentions.length) kickMailQueue();
  return replied;
}

async function ownComment(actor: Actor, input: { conceptId: string; commentId: string }) {
  const { concept } = await requireConcept(actor, input.conceptId, "comment.create");
  const found = await getCommentInConcept({ conceptId: concept.id, commentId: input.commentId });
  if (!found) throw new AppError("not_found", "Diesen Kommentar gibt es nicht.");
  if (found.comment.authorId !== actor.id) throw new AppError("forbidden", "Nur wer einen Kommentar geschrieben hat, kann ihn ändern oder löschen.");
  if (found.comment.deletedAt || found.comment.hiddenAt) throw new AppError("conflict", "Dieser Kommentar ist gelöscht oder ausgeblendet.");
  return { concept, ...found };
}

/** Only the author edits a comment; the thread shows "bearbeitet". */
export async function editComment(actor: Actor, input: unknown) {
  const data = parse(editCommentSchema, input);
  const { concept, comment } = await ownComment(actor, data);
  const mentions = findMentions(data.body, await members(concept.municipalityId));
  const db = await getDb();
  await db.transaction(async (tx) => {
    await updateComment({ commentId: comment.id, set: { body: data.body, mentions, editedAt: new Date() } }, tx);
    await recordAudit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, action: "comment.edit", conceptId: concept.id, objectId: comment.id });
  });
  return { commentId: comment.id };
}

/** Only the author deletes a comment; its text is emptied and the thread shows "gelöscht". */
export async function deleteComment(actor: Actor, input: unknown) {
  const data = parse(commentRefSchema, input);
  const { concept, comment } = await ownComment(actor, data);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await updateComment({ commentId: comment.id, set: { body: "", mentions: [], deletedAt: new Date() } }, tx);
    await recordAudit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, action: "comment.delete", conceptId: concept.id, objectId: comment.id });
  });
  return { commentId: comment.id };
}

/** An admin hides someone's comment (recorded in the audit log); the text stays stored for the record but is shown to no one. */
export async function hideComment(actor: Actor, input: unknown) {
  const data = parse(commentRefSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "comment.moderate");
  const found = await getCommentInConcept({ conceptId: concept.id, commentId: data.commentId });
  if (!found) throw new AppError("not_found", "Diesen Kommentar gibt es nicht.");
  if (found.comment.hiddenAt) throw new AppError("conflict", "Dieser Kommentar ist bereits ausgeblendet.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await updateComment({ commentId: found.comment.id, set: { hiddenAt: new Date(), hiddenBy: actor.id } }, tx);
    await recordAudit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, action: "comment.hide", conceptId: concept.id, objectId: found.comment.id, details: { author: found.comment.authorId } });
  });
  return { commentId: found.comment.id };
}

/** Resolve or reopen a thread (anyone who may comment). */
export async function setThreadState(actor: Actor, input: unknown) {
  const data = parse(threadStateSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "comment.create");
  const thread = await getThread({ conceptId: concept.id, threadId: data.threadId });
  if (!thread) throw new AppError("not_found", "Diesen Kommentar gibt es nicht.");
  if (thread.state === data.state) return { state: data.state };
  const db = await getDb();
  await db.transaction(async (tx) => {
    await setThreadStateRow({ threadId: thread.id, state: data.state, userId: actor.id }, tx);
    await recordAudit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, action: data.state === "resolved" ? "thread.resolve" : "thread.reopen", conceptId: concept.id, objectId: thread.id });
  });
  return { state: data.state };
}

export type CommentView = {
  id: string;
  authorId: string | null;
  authorName: string | null;
  /** empty for deleted and hidden comments */
  body: string;
  /** the links in body (findLinks), found here so the browser needs no link finder to show a comment */
  links: LinkSpan[];
  state: "visible" | "deleted" | "hidden";
  createdAt: string;
  editedAt: string | null;
};

export type ThreadView = {
  id: string;
  targetKind: "text" | "measure" | "chapter" | "suggestion";
  sectionId: string | null;
  /** for an answer to a proposal: its id */
  suggestionId: string | null;
  /** the part of the chapter or field ("text", "baseline", "goal") for text threads */
  part: string | null;
  measureId: string | null;
  chapter: string;
  fieldKey: string | null;
  quote: string | null;
  /** for text threads: found in the current text, or "removed" (Textstelle entfernt) */
  anchorState: "ok" | "removed" | null;
  range: { start: number; end: number } | null;
  state: "open" | "resolved";
  createdAt: string;
  createdByName: string | null;
  resolvedAt: string | null;
  comments: CommentView[];
};

/** Threads with their anchors resolved against the given (current or version) sections. */
export function resolveThreads(threads: Awaited<ReturnType<typeof listThreadsWithComments>>, sections: Pick<Section, "id" | "part" | "content">[]): ThreadView[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const texts = new Map<string, string>();
  const textOf = (s: Pick<Section, "id" | "content">) => {
    let t = texts.get(s.id);
    if (t === undefined) texts.set(s.id, (t = anchorText(s.content as JSONContent)));
    return t;
  };
  return threads.map((t) => {
    const section = t.sectionId ? byId.get(t.sectionId) : undefined;
    const range = t.anchor && section ? resolveAnchor(textOf(section), t.anchor) : null;
    return {
      id: t.id,
      targetKind: t.targetKind as ThreadView["targetKind"],
      sectionId: t.sectionId,
      suggestionId: t.suggestionId ?? null,
      part: section?.part ?? null,
      measureId: t.measureId,
      chapter: t.chapter,
      fieldKey: t.fieldKey,
      quote: t.anchor?.quote ?? null,
      anchorState: t.targetKind === "text" ? (range ? "ok" : "removed") : null,
      range,
      state: t.state === "resolved" ? "resolved" : "open",
      createdAt: t.createdAt.toISOString(),
      createdByName: t.createdByName,
      resolvedAt: t.resolvedAt?.toISOString() ?? null,
      comments: t.comments.map((c) => ({
        id: c.id,
        authorId: c.authorId,
        authorName: c.authorName,
        body: c.deletedAt || c.hiddenAt ? "" : c.body,
        links: c.deletedAt || c.hiddenAt ? [] : findLinks(c.body),
        state: c.deletedAt ? "deleted" : c.hiddenAt ? "hidden" : "visible",
        createdAt: c.createdAt.toISOString(),
        editedAt: c.editedAt?.toISOString() ?? null,
      })),
    };
  });
}

/** Every thread of a concept for a signed-in member (the JSON archive and the review page). */
export async function listThreads(actor: Actor, conceptId: string) {
  const { concept, role } = await requireConcept(actor, conceptId, "concept.read");
  const [threads, tree, people] = await Promise.all([listThreadsWithComments({ conceptId: concept.id }), currentConceptTree(concept.id), members(concept.municipalityId)]);
  return { concept, role, tree, members: people, threads: resolveThreads(threads, tree.sections) };
}

/** The members a comment can mention (the composer's @ picker loads them when first needed): id and name, nothing else. */
export async function listMentionCandidates(actor: Actor, conceptId: string): Promise<Member[]> {
  const { concept } = await requireConcept(actor, conceptId, "comment.create");
  return members(concept.municipalityId);
}

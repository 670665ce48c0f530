"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/actions";
import { z } from "@/lib/validation";
import { createThread, deleteComment, editComment, hideComment, listMentionCandidates, replyToThread, setThreadState } from "@/lib/review/comments";
import { markNotificationsRead, markReadSchema } from "@/lib/review/inbox";
import { answerRound, closeRound, completeRound, startRound } from "@/lib/review/rounds";

/**
 * Review actions. Inputs are parsed by the domain functions (the same schemas
 * serve the tests); guardedAction loads the session, and each domain function
 * checks role and municipality itself.
 */
const any = z.unknown();

function refresh(input: unknown) {
  const conceptId = input && typeof input === "object" && "conceptId" in input ? String((input as { conceptId: unknown }).conceptId) : "";
  if (/^[0-9a-f-]{36}$/i.test(conceptId)) {
    revalidatePath(`/concepts/${conceptId}/pruefung`);
    revalidatePath(`/concepts/${conceptId}`);
  }
}

async function run<T>(input: unknown, fn: (actor: Parameters<Parameters<typeof guardedAction>[2]>[0], data: unknown) => Promise<T>) {
  const result = await guardedAction(any, input, fn);
  if (result.ok) refresh(input);
  return result;
}

export async function createThreadAction(input: unknown) {
  return run(input, createThread);
}
export async function replyAction(input: unknown) {
  return run(input, replyToThread);
}
export async function editCommentAction(input: unknown) {
  return run(input, editComment);
}
export async function deleteCommentAction(input: unknown) {
  return run(input, deleteComment);
}
export async function hideCommentAction(input: unknown) {
  return run(input, hideComment);
}
export async function setThreadStateAction(input: unknown) {
  return run(input, setThreadState);
}
export async function startRoundAction(input: unknown) {
  return run(input, startRound);
}
export async function answerRoundAction(input: unknown) {
  return run(input, answerRound);
}
export async function closeRoundAction(input: unknown) {
  return run(input, closeRound);
}
/** "Prüfung abschließen" with an overall verdict (a reviewer of the round). */
export async function completeRoundAction(input: unknown) {
  return run(input, completeRound);
}
/** The members the @ picker offers; read only, so nothing to refresh. */
export async function mentionCandidatesAction(input: unknown) {
  return guardedAction(z.object({ conceptId: z.string().uuid("Ungültige Kennung.") }), input, (actor, data) => listMentionCandidates(actor, data.conceptId));
}
export async function markNotificationsReadAction(input: unknown) {
  return guardedAction(markReadSchema, input, (actor, data) => markNotificationsRead(actor, data));
}

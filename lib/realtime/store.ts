import "server-only";
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { getDb, type Executor } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { getSection } from "@/db/queries/sections";
import { recordSectionEdit } from "@/db/queries/audit";
import {
  appendServerUpdate,
  getYState,
  insertYStateIfMissing,
  listSectionsWithPendingUpdates,
  listYUpdates,
  notifyRealtime,
  writeCompactedState,
  writeDerivedSection,
} from "@/db/queries/realtime";
import { canonicalJson, textLength } from "@/lib/editor/document";
import { validateDoc } from "@/lib/editor/validate";
import { log as logger } from "@/lib/log";
import { jsonFromState, stateFromJson, updateToJson } from "./ydoc";

/**
 * The stored Yjs state of a part: its compacted state followed by every update
 * logged since. A part opened for the first time gets its state from its JSON
 * (lazily; two processes opening it at once agree on one). Null: no such part.
 */
export async function loadSectionState(sectionId: string): Promise<{ conceptId: string; updates: Uint8Array[] } | null> {
  const db = await getDb();
  // State and log in one snapshot: a fold (compactSection) committing between two plain reads moves updates
  // from the log into the state after the state was read, and the part would be read without them.
  const read = () =>
    db.transaction(
      async (tx) => {
        const row = await getYState({ sectionId }, tx);
        if (!row) return null;
        const log = await listYUpdates({ sectionId }, tx);
        return { conceptId: row.conceptId, updates: [row.state, ...log.map((l) => l.update)] };
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
  const stored = await read();
  if (stored) return stored;
  // Made from the JSON while the part is locked: a server-side write of its text at the same moment
  // (changeSectionText) comes either before, and is in it, or after, and finds this state.
  const made = await db.transaction(async (tx) => {
    const section = await getSection({ sectionId, lock: true }, tx);
    if (!section) return false;
    await insertYStateIfMissing({ sectionId, conceptId: section.conceptId, state: stateFromJson(section.content) }, tx);
    return true;
  });
  return made ? read() : null;
}

/**
 * Fold a part's logged updates into its state and derive its JSON (a new
 * revision, recorded in the activity log), in one transaction. Runs on the
 * server's debounce, when the last editor leaves, and before anything reads the
 * concept's text as a whole (versions, exports, compare).
 */
export async function compactSection(sectionId: string, db?: Executor): Promise<boolean> {
  const run = async (tx: Executor) => {
    const row = await getYState({ sectionId, lock: true }, tx);
    if (!row) return false;
    const log = await listYUpdates({ sectionId }, tx);
    if (log.length === 0) return false;
    const state = Y.mergeUpdates([row.state, ...log.map((l) => l.update)]);
    await writeCompactedState({ sectionId, state, foldedIds: log.map((l) => l.id) }, tx);
    const section = await getSection({ sectionId }, tx);
    if (!section) return false;
    const validation = validateDoc(jsonFromState(state), { disallowedLinks: "drop" });
    if (!validation.ok) {
      // Every update was checked before it was stored; a merge of two valid ones that is not (e.g. over the size limit) keeps the last good JSON.
      logger.error({ event: "realtime.merge_invalid", sectionId }, "Zusammengeführter Text nicht gültig; der letzte gültige Stand bleibt");
      return true;
    }
    if (canonicalJson(validation.doc) === canonicalJson(section.content)) return true;
    const lastUser = [...log].reverse().find((l) => l.userId)?.userId ?? null;
    await writeDerivedSection({ sectionId, content: validation.doc, textLength: textLength(validation.doc), userId: lastUser }, tx);
    if (lastUser) {
      await recordSectionEdit(tx, { municipalityId: section.municipalityId, actorId: lastUser, conceptId: section.conceptId, sectionId, chapter: section.chapter, part: section.part, fieldId: section.fieldId });
    }
    return true;
  };
  if (db) return run(db);
  return (await getDb()).transaction(run);
}

/** Bring every part's JSON up to the last acknowledged update (before a version, an export, a compare). */
export async function flushConcept(conceptId: string, db?: Executor) {
  const pending = await listSectionsWithPendingUpdates({ conceptId }, db);
  for (const sectionId of pending) await compactSection(sectionId, db);
}

/**
 * A server-side write of a part's text (restore, import into a draft, the PUT
 * API, accepting or rejecting a proposal), inside the caller's transaction and
 * after its checks. A part that is edited in real time gets the change as a
 * Yjs update on its live state, so open editors receive it and a client that
 * was offline cannot bring the old text back; a part never opened in real
 * time is written as JSON. Returns false when the text did not change.
 */
export async function writeSectionText(
  tx: Executor,
  input: { sectionId: string; conceptId: string; content: JSONContent; userId: string },
): Promise<boolean> {
  return (await changeSectionText(tx, { ...input, change: () => input.content })) !== null;
}

/**
 * The same write, with the new text computed from the part's current text
 * while the part is locked (`change` returns null to leave it alone), so that
 * nothing typed in between is overwritten: accepting one proposal changes only
 * that proposal. Returns the text before and after, or null when nothing changed.
 */
export async function changeSectionText(
  tx: Executor,
  input: { sectionId: string; conceptId: string; userId: string; change: (current: JSONContent) => JSONContent | null },
): Promise<{ before: JSONContent; after: JSONContent } | null> {
  let row = await getYState({ sectionId: input.sectionId, lock: true }, tx);
  if (!row) {
    const section = await getSection({ sectionId: input.sectionId, lock: true }, tx);
    if (!section) return null;
    // A first opening may have made the live state while this waited for the part's lock (loadSectionState).
    row = await getYState({ sectionId: input.sectionId, lock: true }, tx);
    if (!row) {
      const after = input.change(section.content);
      if (!after || canonicalJson(section.content) === canonicalJson(after)) return null;
      await writeDerivedSection({ sectionId: input.sectionId, content: after, textLength: textLength(after), userId: input.userId }, tx);
      return { before: section.content, after };
    }
  }
  const log = await listYUpdates({ sectionId: input.sectionId }, tx);
  const state = [row.state, ...log.map((l) => l.update)];
  const before = jsonFromState(state);
  const after = input.change(before);
  if (!after) return null;
  const update = updateToJson(state, after);
  if (!update) return null;
  await appendServerUpdate({ sectionId: input.sectionId, conceptId: input.conceptId, userId: input.userId, update }, tx);
  await compactSection(input.sectionId, tx);
  await notifyRealtime({ kind: "section", sectionId: input.sectionId }, tx);
  return { before, after };
}

/** A concept's tree with every part's JSON up to the last acknowledged keystroke. */
export async function currentConceptTree(conceptId: string, db?: Executor) {
  await flushConcept(conceptId, db);
  return getConceptTree({ conceptId }, db);
}

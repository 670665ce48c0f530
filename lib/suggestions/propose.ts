/**
 * Turning an edit into a proposal, as the editor's suggest mode does it:
 * the library rewrites the transaction (deleted text marked, inserted text
 * marked), and every new mark gets its author and time. The library's own
 * id would join a new mark to an adjacent proposal of somebody else: such a
 * mark gets an id of its own, so a proposal always belongs to one person.
 */
import type { Mark } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";

const KINDS = new Set(["insertion", "deletion", "modification"]);

/** 20 random letters and digits (getRandomValues: randomUUID exists only in secure contexts). */
export function newSuggestionId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(20)), (b) => alphabet[b % 36]).join("");
}

/**
 * The marks of `tr` without an author get this author and time (and a fresh id where the id is somebody else's).
 * A mark that continues the author's own proposal takes that proposal's time: equal marks join, so a word typed
 * key by key stays one proposal in the text, the list and a Word export (not one per letter).
 */
export function stampAuthor(tr: Transaction, author: string, at: string): Transaction {
  const owners = new Map<string, { author: string; at: unknown }>();
  const unstamped: { from: number; to: number; mark: Mark }[] = [];
  tr.doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      if (!KINDS.has(mark.type.name)) continue;
      const id = String(mark.attrs.id);
      if (mark.attrs.author && !owners.has(id)) owners.set(id, { author: mark.attrs.author as string, at: mark.attrs.at });
      else unstamped.push({ from: pos, to: pos + node.nodeSize, mark });
    }
    return false;
  });
  const renamed = new Map<string, string>();
  for (const { from, to, mark } of unstamped) {
    let id = String(mark.attrs.id);
    const owner = owners.get(id);
    if (owner && owner.author !== author) {
      if (!renamed.has(id)) renamed.set(id, newSuggestionId());
      id = renamed.get(id)!;
    }
    const time = owner?.author === author && typeof owner.at === "string" ? owner.at : at;
    tr.removeMark(from, to, mark);
    tr.addMark(from, to, mark.type.create({ ...mark.attrs, id, author, at: time }));
  }
  return tr;
}

/** The transaction as a proposal of `author`: what it deletes is marked, what it inserts is marked. */
export function asProposal(state: EditorState, tr: Transaction, author: string, at = new Date().toISOString()): Transaction {
  const tracked = transformToSuggestionTransaction(tr, state, () => newSuggestionId());
  return stampAuthor(tracked, author, at);
}

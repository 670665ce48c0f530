/**
 * The reviewer's guarantee, as the server checks it before a change of a
 * suggest-only connection reaches the shared document: (1) the part with every
 * proposal rejected is the same before and after the change (nothing but
 * proposals changed), and (2) every proposal that appears, disappears or
 * changes is the person's own (no accepting, withdrawing, moving or
 * re-attributing somebody else's proposal).
 *
 * A proposal is compared by its mark (kind, id, author, time) and by where
 * its text sits: each marked run as its text and the number of characters of
 * the text as it stands (all proposals rejected) before it. That position is
 * the same before and after an honest change by (1), so another person's
 * proposal compares equal unless it was touched. The library's zero-width
 * anchors are left out of both.
 */
import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { canonicalJson } from "@/lib/editor/document";
import { editorSchema, withoutDefaultAlignment } from "@/lib/editor/validate";
import { rejectAllNode } from "./resolve";

const ANCHOR = /\u200B/g;

export const CHANGED_TEXT_MESSAGE =
  "Im Vorschlagsmodus kann der Text nur durch Vorschläge geändert werden (eingefügter Text wird unterstrichen, gestrichener durchgestrichen). Diese Änderung hätte den Text selbst verändert.";
export const FOREIGN_PROPOSAL_MESSAGE =
  "Vorschläge anderer Personen können nur von der Redaktion angenommen oder abgelehnt werden; ändern, zurückziehen oder anderen zuschreiben kann man nur eigene Vorschläge.";

type Proposal = { author: string | null; runs: [number, string][] };

/** Every proposal mark of the document (by kind and attributes) with its runs. */
function proposals(doc: PMNode): Map<string, Proposal> {
  const out = new Map<string, Proposal>();
  let standing = 0;
  doc.descendants((node) => {
    if (!node.isText) return true;
    const text = (node.text ?? "").replace(ANCHOR, "");
    let inserted = false;
    for (const mark of node.marks) {
      const kind = mark.type.name;
      if (kind !== "insertion" && kind !== "deletion" && kind !== "modification") continue;
      if (kind === "insertion") inserted = true;
      const key = kind + canonicalJson(mark.attrs);
      const entry = out.get(key) ?? { author: typeof mark.attrs.author === "string" ? mark.attrs.author : null, runs: [] };
      const last = entry.runs[entry.runs.length - 1];
      // Adjacent text nodes of one mark (split by other formatting) are one run.
      if (last && last[0] + last[1].length === standing && kind === "deletion") last[1] += text;
      else if (last && last[0] === standing && kind === "insertion") last[1] += text;
      else entry.runs.push([standing, text]);
      out.set(key, entry);
    }
    if (!inserted) standing += text.length;
    return false;
  });
  for (const entry of out.values()) entry.runs = entry.runs.filter(([, t]) => t !== "");
  return out;
}

const standingText = (doc: PMNode) => canonicalJson(withoutDefaultAlignment(rejectAllNode(doc).toJSON() as JSONContent));

/**
 * Null when `after` is a valid change of `before` by `userId` on a
 * suggest-only connection, else the German reason it is refused. Both
 * documents must be in the schema (the caller validated `after`).
 */
export function checkSuggestOnlyChange(before: JSONContent, after: JSONContent, userId: string): string | null {
  const schema = editorSchema();
  const b = schema.nodeFromJSON(before);
  const a = schema.nodeFromJSON(after);
  let same: boolean;
  try {
    same = standingText(b) === standingText(a);
  } catch {
    // The library could not reject the proposals of this document: it cannot be shown to change nothing.
    return CHANGED_TEXT_MESSAGE;
  }
  if (!same) return CHANGED_TEXT_MESSAGE;
  const pb = proposals(b);
  const pa = proposals(a);
  for (const key of new Set([...pb.keys(), ...pa.keys()])) {
    const x = pb.get(key);
    const y = pa.get(key);
    if (JSON.stringify(x?.runs ?? []) === JSON.stringify(y?.runs ?? [])) continue;
    if ((x ?? y)!.author !== userId) return FOREIGN_PROPOSAL_MESSAGE;
  }
  return null;
}

/**
 * The comparison of two rich-text documents, the way ProseMirror-based editors
 * show tracked changes: the top-level blocks are aligned with a word-level
 * sequence diff (`diff`), each changed run of blocks becomes one replace step,
 * and prosemirror-changeset turns those steps into minimal insertions and
 * deletions inside them. Tokens carry marks and node attributes, so a word that
 * only became bold, or a heading that became a paragraph, is a change too.
 * simplifyChanges widens changes to whole words, as a reader expects.
 */
import { getSchema, type JSONContent } from "@tiptap/core";
import { ChangeSet, simplifyChanges, type Change, type TokenEncoder } from "@tiptap/pm/changeset";
import { Fragment, type Mark, type Node as PMNode, type Schema } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { diffArrays } from "diff";
import { canonicalJson, plainText } from "@/lib/editor/document";
import { diffExtensions } from "./marks";

let cachedSchema: Schema | null = null;
export function diffSchema(): Schema {
  return (cachedSchema ??= getSchema(diffExtensions));
}

const attrsKey = (attrs: Record<string, unknown>) => (Object.keys(attrs).length === 0 ? "" : canonicalJson(attrs));
const markKey = (marks: readonly Mark[]) => marks.map((m) => m.type.name + attrsKey(m.attrs)).join(",");

/** Characters with their marks, nodes with their attributes: formatting changes are changes. */
const encoder: TokenEncoder<string | number> = {
  encodeCharacter: (char, marks) => (marks.length === 0 ? char : `${char}|${markKey(marks)}`),
  encodeNodeStart: (node) => `<${node.type.name}${attrsKey(node.attrs)}`,
  encodeNodeEnd: (node) => `>${node.type.name}`,
  compareTokens: (a, b) => a === b,
};

export type ChangeKind = "insert" | "delete" | "replace" | "format";

export type TextChange = {
  kind: ChangeKind;
  /** plain text removed ("" for a pure insertion); a paragraph break is "¶" */
  deleted: string;
  /** plain text added */
  inserted: string;
};

export type DocDiff = {
  changed: boolean;
  changes: TextChange[];
  /** the new document with deleted text put back in, marked `deletion`, and added text marked `insertion` */
  inline: JSONContent;
  /** the old document with deleted text marked */
  before: JSONContent;
  /** the new document with added text marked */
  after: JSONContent;
};

const leafText = (node: PMNode) => (node.type.name === "hardBreak" ? " " : "");

function textOf(doc: PMNode, from: number, to: number) {
  return doc.textBetween(from, to, "¶", leafText);
}

function toNode(schema: Schema, json: JSONContent | null | undefined): PMNode {
  const doc = json && json.type === "doc" ? json : { type: "doc", content: [{ type: "paragraph" }] };
  return schema.nodeFromJSON(doc);
}

function blockKeys(doc: PMNode): string[] {
  const keys: string[] = [];
  doc.forEach((child) => keys.push(canonicalJson(child.toJSON())));
  return keys;
}

/** Replace steps (old → new) for each run of top-level blocks that differs. */
function blockSteps(oldDoc: PMNode, newDoc: PMNode): Transform {
  const tr = new Transform(oldDoc);
  const oldStarts: number[] = [];
  oldDoc.forEach((_n, offset) => oldStarts.push(offset));
  oldStarts.push(oldDoc.content.size);
  const newBlocks: PMNode[] = [];
  newDoc.forEach((n) => newBlocks.push(n));

  const parts = diffArrays(blockKeys(oldDoc), blockKeys(newDoc));
  let oldIndex = 0;
  let newIndex = 0;
  type Hunk = { oldFrom: number; oldTo: number; newFrom: number; newTo: number };
  const hunks: Hunk[] = [];
  let open: Hunk | null = null;
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      if (open) hunks.push(open), (open = null);
      oldIndex += n;
      newIndex += n;
      continue;
    }
    open ??= { oldFrom: oldIndex, oldTo: oldIndex, newFrom: newIndex, newTo: newIndex };
    if (part.removed) open.oldTo = oldIndex += n;
    else open.newTo = newIndex += n;
  }
  if (open) hunks.push(open);
  // Back to front, so earlier positions stay valid in the old document's coordinates.
  for (const h of hunks.reverse()) {
    tr.replaceWith(oldStarts[h.oldFrom]!, oldStarts[h.oldTo]!, Fragment.fromArray(newBlocks.slice(h.newFrom, h.newTo)));
  }
  return tr;
}

function withMark(fragment: Fragment, mark: Mark): Fragment {
  const nodes: PMNode[] = [];
  fragment.forEach((node) => {
    if (node.isText) nodes.push(mark.isInSet(node.marks) ? node : node.mark(mark.addToSet(node.marks)));
    else nodes.push(node.copy(withMark(node.content, mark)));
  });
  return Fragment.fromArray(nodes);
}

function markRange(tr: Transform, from: number, to: number, mark: Mark) {
  if (to > from) tr.addMark(from, to, mark);
}

const atStartEdge = (doc: PMNode, pos: number, k: number) => {
  const $p = doc.resolve(pos);
  if ($p.depth < k) return false;
  for (let j = 0; j < k; j++) if ($p.start($p.depth - j) !== pos - j) return false;
  return true;
};
const atEndEdge = (doc: PMNode, pos: number, k: number) => {
  const $p = doc.resolve(pos);
  if ($p.depth < k) return false;
  for (let j = 0; j < k; j++) if ($p.end($p.depth - j) !== pos + j) return false;
  return true;
};

/**
 * A removed run of whole blocks often comes out of the token diff rotated: from
 * the start of one paragraph's text to the start of the next paragraph's text
 * (same tokens as "the whole first block"). Shift such a range by its open depth
 * so it is whole nodes again and can be shown as removed blocks (a moved list
 * item then shows as a removed item and an added one).
 */
function wholeBlocks(oldDoc: PMNode, newDoc: PMNode, fromA: number, toA: number, at: number) {
  const slice = oldDoc.slice(fromA, toA);
  const k = slice.openStart;
  if (k === 0 || slice.openEnd !== k) return null;
  if (atStartEdge(oldDoc, fromA, k) && atStartEdge(oldDoc, toA, k) && atStartEdge(newDoc, at, k)) {
    return { fromA: fromA - k, toA: toA - k, at: at - k };
  }
  if (atEndEdge(oldDoc, fromA, k) && atEndEdge(oldDoc, toA, k) && atEndEdge(newDoc, at, k)) {
    return { fromA: fromA + k, toA: toA + k, at: at + k };
  }
  return null;
}

/**
 * Put removed content back into a document at `pos`, marked as deleted: whole
 * blocks as blocks where blocks fit, otherwise as marked text.
 */
function insertDeleted(tr: Transform, pos: number, oldDoc: PMNode, fromA: number, toA: number, mark: Mark) {
  const schema = oldDoc.type.schema;
  const blocks = wholeBlocks(oldDoc, tr.doc, fromA, toA, pos);
  if (blocks) {
    try {
      tr.insert(blocks.at, withMark(oldDoc.slice(blocks.fromA, blocks.toA).content, mark));
      return;
    } catch {
      // fall through to the other forms
    }
  }
  const $pos = tr.doc.resolve(pos);
  const slice = oldDoc.slice(fromA, toA);
  if (!$pos.parent.inlineContent && slice.openStart === 0 && slice.openEnd === 0) {
    try {
      tr.insert(pos, withMark(slice.content, mark));
      return;
    } catch {
      // does not fit here (e.g. a table row between paragraphs): fall back to text
    }
  }
  const raw = textOf(oldDoc, fromA, toA).replace(/\s*¶\s*/g, " ¶ ");
  const text = raw.trim() === "" ? (toA > fromA ? "¶" : "") : raw;
  if (!text) return;
  if ($pos.parent.inlineContent) tr.insert(pos, schema.text(text, [mark]));
  else {
    try {
      tr.insert(pos, schema.nodes.paragraph!.create(null, schema.text(text.trim(), [mark])));
    } catch {
      // nowhere to show it structurally; the change list still names it
    }
  }
}

/** A paragraph break added or removed carries no text; show it as "¶". */
function structuralOnly(doc: PMNode, from: number, to: number) {
  return to > from && textOf(doc, from, to).replace(/¶/g, "") === "" && textOf(doc, from, to).includes("¶");
}

function describe(oldDoc: PMNode, newDoc: PMNode, c: Change): TextChange {
  const deleted = textOf(oldDoc, c.fromA, c.toA);
  const inserted = textOf(newDoc, c.fromB, c.toB);
  const kind: ChangeKind =
    c.toA === c.fromA ? "insert" : c.toB === c.fromB ? "delete" : deleted === inserted ? "format" : "replace";
  return { kind, deleted, inserted };
}

export function diffDocs(oldJson: JSONContent | null | undefined, newJson: JSONContent | null | undefined): DocDiff {
  const schema = diffSchema();
  const oldDoc = toNode(schema, oldJson);
  const newDoc = toNode(schema, newJson);
  if (oldDoc.eq(newDoc)) {
    const same = newDoc.toJSON() as JSONContent;
    return { changed: false, changes: [], inline: same, before: oldDoc.toJSON() as JSONContent, after: same };
  }
  const steps = blockSteps(oldDoc, newDoc);
  const set = ChangeSet.create(oldDoc, undefined, encoder).addSteps(steps.doc, steps.mapping.maps, null);
  const changes = simplifyChanges(set.changes, steps.doc);

  const ins = schema.marks.insertion!.create();
  const del = schema.marks.deletion!.create();

  const inline = new Transform(newDoc);
  const after = new Transform(newDoc);
  const before = new Transform(oldDoc);
  for (const c of [...changes].reverse()) {
    markRange(inline, c.fromB, c.toB, ins);
    markRange(after, c.fromB, c.toB, ins);
    if (c.toA > c.fromA) insertDeleted(inline, c.fromB, oldDoc, c.fromA, c.toA, del);
    if (structuralOnly(newDoc, c.fromB, c.toB)) {
      inline.insert(c.fromB, schema.text("¶", [ins]));
      after.insert(c.fromB, schema.text("¶", [ins]));
    }
    markRange(before, c.fromA, c.toA, del);
    if (structuralOnly(oldDoc, c.fromA, c.toA)) before.insert(c.fromA, schema.text("¶", [del]));
  }
  return {
    changed: true,
    changes: changes.map((c) => describe(oldDoc, newDoc, c)),
    inline: inline.doc.toJSON() as JSONContent,
    before: before.doc.toJSON() as JSONContent,
    after: after.doc.toJSON() as JSONContent,
  };
}

/** Plain text of both sides, for a quick "did anything visible change" and for lists. */
export function textsDiffer(a: JSONContent | null | undefined, b: JSONContent | null | undefined) {
  return plainText(a) !== plainText(b);
}

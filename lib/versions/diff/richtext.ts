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
import { withinNesting } from "@/lib/pdf/printable";
import { withoutProposals } from "@/lib/suggestions/resolve";
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

export type ChangeKind = "insert" | "delete" | "replace" | "format" | "move";

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
  // Text stored before the nesting limit is compared as the note the PDF prints, not walked level by level.
  const doc = json && json.type === "doc" ? withoutProposals(withinNesting(json)) : { type: "doc", content: [{ type: "paragraph" }] };
  return schema.nodeFromJSON(doc);
}

function childKeys(node: PMNode): string[] {
  const keys: string[] = [];
  node.forEach((child) => keys.push(canonicalJson(child.toJSON())));
  return keys;
}

type Replacement = { from: number; to: number; content: Fragment };

/**
 * Align the children of two nodes (a sequence diff of their canonical JSON) and
 * collect a replacement for each run that differs. A run of one old and one new
 * container of the same kind (a list, a list item, a table, a row, a cell) is
 * aligned recursively, so a moved list item or a changed cell stays a change
 * of that item or cell; text blocks are left to the changeset's token diff.
 */
function align(oldNode: PMNode, newNode: PMNode, base: number, out: Replacement[]) {
  const oldStarts: number[] = [];
  oldNode.forEach((_n, offset) => oldStarts.push(base + offset));
  oldStarts.push(base + oldNode.content.size);
  const oldChildren: PMNode[] = [];
  oldNode.forEach((n) => oldChildren.push(n));
  const newChildren: PMNode[] = [];
  newNode.forEach((n) => newChildren.push(n));

  let oldIndex = 0;
  let newIndex = 0;
  type Hunk = { oldFrom: number; oldTo: number; newFrom: number; newTo: number };
  const hunks: Hunk[] = [];
  let open: Hunk | null = null;
  for (const part of diffArrays(childKeys(oldNode), childKeys(newNode))) {
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

  for (const h of hunks) {
    const a = oldChildren[h.oldFrom];
    const b = newChildren[h.newFrom];
    if (h.oldTo - h.oldFrom === 1 && h.newTo - h.newFrom === 1 && a && b && a.type === b.type && !a.isTextblock && !a.isLeaf && canonicalJson(a.attrs) === canonicalJson(b.attrs)) {
      align(a, b, oldStarts[h.oldFrom]! + 1, out);
      continue;
    }
    out.push({ from: oldStarts[h.oldFrom]!, to: oldStarts[h.oldTo]!, content: Fragment.fromArray(newChildren.slice(h.newFrom, h.newTo)) });
  }
}

/** Replace steps (old → new) for each run of blocks that differs. */
function blockSteps(oldDoc: PMNode, newDoc: PMNode): Transform {
  const tr = new Transform(oldDoc);
  const out: Replacement[] = [];
  align(oldDoc, newDoc, 0, out);
  // Back to front, so earlier positions stay valid in the old document's coordinates.
  for (const r of out.sort((x, y) => y.from - x.from)) tr.replaceWith(r.from, r.to, r.content);
  return tr;
}

const WORD = /[\p{L}\p{N}]/u;

/** The character just before / after a position inside a text block, or "" at its edge. */
function charBefore(doc: PMNode, pos: number) {
  const $p = doc.resolve(pos);
  return $p.parent.isTextblock && $p.parentOffset > 0 ? doc.textBetween(pos - 1, pos, "", "\uFFFC") : "";
}
function charAfter(doc: PMNode, pos: number) {
  const $p = doc.resolve(pos);
  return $p.parent.isTextblock && $p.parentOffset < $p.parent.content.size ? doc.textBetween(pos, pos + 1, "", "\uFFFC") : "";
}

/**
 * Widen every change to whole words, as a reader compares: "120 → 150", not
 * "2 → 5"; "Ausländerbehörde → Ausländer-Behörde", not "behörde → -Behörde".
 * The text around a change is the same in both documents, so both sides move
 * by the same number of characters. Changes that then touch are merged.
 */
function widenToWords(changes: readonly Change[], oldDoc: PMNode, newDoc: PMNode): Change[] {
  const widened = changes.map((c) => {
    let { fromA, toA, fromB, toB } = c;
    // Only where the change itself begins or ends inside a word.
    const first = [c.toA > c.fromA ? charAfter(oldDoc, c.fromA) : "", c.toB > c.fromB ? charAfter(newDoc, c.fromB) : ""];
    const last = [c.toA > c.fromA ? charBefore(oldDoc, c.toA) : "", c.toB > c.fromB ? charBefore(newDoc, c.toB) : ""];
    const widenLeft = first.some((x) => WORD.test(x));
    const widenRight = last.some((x) => WORD.test(x));
    for (; widenLeft; ) {
      const x = charBefore(oldDoc, fromA);
      if (!x || x !== charBefore(newDoc, fromB) || !WORD.test(x)) break;
      fromA--, fromB--;
    }
    for (; widenRight; ) {
      const x = charAfter(oldDoc, toA);
      if (!x || x !== charAfter(newDoc, toB) || !WORD.test(x)) break;
      toA++, toB++;
    }
    return { fromA, toA, fromB, toB };
  });
  const merged: { fromA: number; toA: number; fromB: number; toB: number }[] = [];
  for (const c of widened) {
    const last = merged[merged.length - 1];
    if (last && c.fromA <= last.toA && c.fromB <= last.toB) {
      last.toA = Math.max(last.toA, c.toA);
      last.toB = Math.max(last.toB, c.toB);
    } else merged.push({ ...c });
  }
  return merged as unknown as Change[];
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
  // Removed empty paragraphs carry nothing to show.
  if (textOf(oldDoc, fromA, toA).trim() === "") return;
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
  const text = raw;
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
  const visible = (t: string) => t.replace(/[¶\s]/g, "") !== "";
  const kind: ChangeKind =
    deleted === inserted || (!visible(deleted) && !visible(inserted))
      ? "format"
      : !visible(deleted)
        ? "insert"
        : !visible(inserted)
          ? "delete"
          : "replace";
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
  const changes = widenToWords(simplifyChanges(set.changes, steps.doc), oldDoc, newDoc);

  // A removed passage that reappears elsewhere unchanged was moved (a list item, a paragraph).
  const described = changes.map((c) => describe(oldDoc, newDoc, c));
  const key = (t: string) => t.replace(/[¶\s]+/g, " ").trim();
  const moved = new Set<number>();
  described.forEach((d, i) => {
    if (d.kind !== "delete" || key(d.deleted).length < 3) return;
    const j = described.findIndex((e, k) => !moved.has(k) && k !== i && e.kind === "insert" && key(e.inserted) === key(d.deleted));
    if (j >= 0) moved.add(i).add(j);
  });

  const inline = new Transform(newDoc);
  const after = new Transform(newDoc);
  const before = new Transform(oldDoc);
  for (const [i, c] of [...changes.entries()].reverse()) {
    const ins = schema.marks.insertion!.create({ moved: moved.has(i) });
    const del = schema.marks.deletion!.create({ moved: moved.has(i) });
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
    changes: described.map((d, i) => (moved.has(i) ? { ...d, kind: "move" as const } : d)),
    inline: inline.doc.toJSON() as JSONContent,
    before: before.doc.toJSON() as JSONContent,
    after: after.doc.toJSON() as JSONContent,
  };
}

/** Plain text of both sides, for a quick "did anything visible change" and for lists. */
export function textsDiffer(a: JSONContent | null | undefined, b: JSONContent | null | undefined) {
  return plainText(a) !== plainText(b);
}

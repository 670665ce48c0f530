/**
 * Conversions between a part's rich-text JSON and its Yjs document, on the
 * server (no editor view). The fragment name is the one the Collaboration
 * extension uses in the browser.
 */
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { LEVEL_NODES, MAX_JSON_DEPTH, MAX_NESTING, TOO_DEEP_MESSAGE } from "@/lib/editor/nesting";
import { editorSchema, MAX_DOC_BYTES, withoutDefaultAlignment } from "@/lib/editor/validate";

export const FRAGMENT = "default";

/** Element levels beyond which the JSON is surely deeper than checkNesting allows (each element adds two JSON levels). */
const MAX_ELEMENT_DEPTH = Math.floor(MAX_JSON_DEPTH / 2);
/** Elements and text runs beyond which the JSON is surely over MAX_DOC_BYTES (each is at least `{"type":"x"}`). */
const MAX_NODES = Math.floor(MAX_DOC_BYTES / 12);

const TOO_LONG_MESSAGE = `Der Text ist zu lang (höchstens ${MAX_DOC_BYTES / 1024} KB je Abschnitt).`;
const UNKNOWN_CONTENT_MESSAGE = "Der Text enthält Inhalte, die der Editor nicht kennt. Bitte den Text im Editor prüfen.";

const isPrimitive = (v: unknown) => v === null || v === undefined || typeof v === "string" || typeof v === "number" || typeof v === "boolean";
/** An attribute as the editor writes one: a primitive, a list of primitives (a column width) or a flat object of them (a mark's attributes). */
const isPlainAttribute = (v: unknown): boolean =>
  isPrimitive(v) ||
  (Array.isArray(v) && v.length <= 1000 && v.every(isPrimitive)) ||
  (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every((x) => isPrimitive(x) || (Array.isArray(x) && x.length <= 1000 && x.every(isPrimitive))));

/**
 * The check of a client's Yjs document before anything converts it: the
 * conversions to JSON and ProseMirror (yXmlFragmentToProsemirrorJSON,
 * nodeFromJSON, the schema) recurse once per level, and the structure comes
 * from the network. Walks the fragment with an explicit stack and refuses, with
 * the German reason, what the validator would refuse anyway for its shape:
 * more than MAX_NESTING levels of lists, quotes and tables, more element levels
 * or nodes or text than a part of MAX_DOC_BYTES can have, data outside the
 * part's fragment (a root `before`, the live document, does not have yet), and
 * Yjs types where the editor only writes elements, text and plain attributes.
 * Null when the document may go on to validateDoc.
 */
export function checkFragment(doc: Y.Doc, before?: Y.Doc): string | null {
  for (const [name, type] of doc.share) {
    // Another root is refused when it is new (a part stored with one from before this check stays usable).
    if (name !== FRAGMENT && !before?.share.has(name)) return UNKNOWN_CONTENT_MESSAGE;
    if (name === FRAGMENT && !(type instanceof Y.XmlFragment || type.constructor === Y.AbstractType)) return UNKNOWN_CONTENT_MESSAGE;
  }
  const fragment = doc.getXmlFragment(FRAGMENT);
  if (fragment._map.size > 0) return UNKNOWN_CONTENT_MESSAGE;
  const stack: { type: Y.XmlElement | Y.XmlText; depth: number; levels: number }[] = [];
  const push = (parent: Y.XmlFragment | Y.XmlElement, depth: number, levels: number): string | null => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) stack.push({ type: child, depth, levels });
      else return UNKNOWN_CONTENT_MESSAGE; // a Y.XmlHook, a nested fragment or any other type
    }
    return null;
  };
  let problem = push(fragment, 1, 0);
  let nodes = 0;
  let chars = 0;
  while (!problem && stack.length > 0) {
    const { type, depth, levels } = stack.pop()!;
    if (++nodes > MAX_NODES) return TOO_LONG_MESSAGE;
    if (type instanceof Y.XmlText) {
      if (type._map.size > 0) return UNKNOWN_CONTENT_MESSAGE; // the editor keeps marks in the text's formats, never in attributes
      for (const op of type.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== "string") return UNKNOWN_CONTENT_MESSAGE; // an embedded object or Yjs type
        chars += op.insert.length;
        if (chars > MAX_DOC_BYTES) return TOO_LONG_MESSAGE;
        if (op.attributes && !Object.values(op.attributes).every(isPlainAttribute)) return UNKNOWN_CONTENT_MESSAGE;
        if (++nodes > MAX_NODES) return TOO_LONG_MESSAGE;
      }
      continue;
    }
    const here = LEVEL_NODES.has(type.nodeName) ? levels + 1 : levels;
    if (here > MAX_NESTING || depth > MAX_ELEMENT_DEPTH) return TOO_DEEP_MESSAGE;
    if (!Object.values(type.getAttributes()).every(isPlainAttribute)) return UNKNOWN_CONTENT_MESSAGE;
    problem = push(type, depth + 1, here);
  }
  return problem;
}

export function docFromState(state: Uint8Array | readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  const updates = state instanceof Uint8Array ? [state] : state;
  Y.transact(doc, () => {
    for (const u of updates) if (u.byteLength) Y.applyUpdate(doc, u);
  });
  return doc;
}

/** The first Yjs state of a part that has only JSON so far. */
export function stateFromJson(json: JSONContent): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  prosemirrorJSONToYXmlFragment(editorSchema(), json, doc.getXmlFragment(FRAGMENT));
  return Y.encodeStateAsUpdate(doc);
}

/** The part's JSON in the editor's canonical form (as ProseMirror writes it), for the validator to judge. */
export function jsonFromDoc(doc: Y.Doc): JSONContent {
  let json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(FRAGMENT)) as JSONContent;
  try {
    json = withoutDefaultAlignment(editorSchema().nodeFromJSON(json).toJSON() as JSONContent);
  } catch {
    // not in the schema: returned as it is, and the validator refuses it with its reason
  }
  // An empty fragment reads as a doc without content; the editor's empty part is one empty paragraph.
  if (!json.content || json.content.length === 0) return { type: "doc", content: [{ type: "paragraph" }] };
  return json;
}

export function jsonFromState(state: Uint8Array | readonly Uint8Array[]): JSONContent {
  return jsonFromDoc(docFromState(state));
}

/**
 * The Yjs update that turns the document `state` into `json` with the smallest
 * change (unchanged paragraphs keep their identity, so open editors keep their
 * carets and concurrent typing elsewhere merges). Null when nothing changes.
 */
export function updateToJson(state: Uint8Array | readonly Uint8Array[], json: JSONContent): Uint8Array | null {
  const doc = docFromState(state);
  const before = Y.encodeStateVector(doc);
  const node = editorSchema().nodeFromJSON(json);
  updateYFragment(doc, doc.getXmlFragment(FRAGMENT), node, { mapping: new Map(), isOMark: new Map() });
  const update = Y.encodeStateAsUpdate(doc, before);
  return Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(docFromState(state))) ? null : update;
}

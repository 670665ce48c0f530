/**
 * Conversions between a part's rich-text JSON and its Yjs document, on the
 * server (no editor view). The fragment name is the one the Collaboration
 * extension uses in the browser.
 */
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { editorSchema } from "@/lib/editor/validate";

export const FRAGMENT = "default";

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
    json = editorSchema().nodeFromJSON(json).toJSON() as JSONContent;
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

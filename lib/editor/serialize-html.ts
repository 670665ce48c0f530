import "server-only";
import type { JSONContent } from "@tiptap/core";
import { DOMSerializer, Node, type Schema } from "@tiptap/pm/model";
import { inertWindow } from "./inert-window";

let shared: Document | null = null;

/** One DOM for the process to build HTML in: nothing is attached to it, and serialising is synchronous. */
function serverDocument(): Document {
  shared ??= inertWindow().document as unknown as Document;
  return shared;
}

/**
 * A stored document as HTML, the way Tiptap's generateHTML makes it (ProseMirror's DOM serialiser), with the
 * schema built once by the caller and one DOM kept for the process. generateHTML builds a schema and a whole
 * browser window for every call: about 6 of the 7 ms a part took, so a comparison of two 100-page versions spent
 * some 0.13 s per view on set-up alone (issue 17). A document the schema does not take shows a note instead.
 */
export function serializeHtml(schema: Schema, doc: JSONContent): string {
  try {
    const document = serverDocument();
    const wrap = document.createElement("div");
    DOMSerializer.fromSchema(schema).serializeFragment(Node.fromJSON(schema, doc).content, { document }, wrap);
    return wrap.innerHTML;
  } catch {
    return "<p><em>Dieser Abschnitt konnte nicht dargestellt werden.</em></p>";
  }
}

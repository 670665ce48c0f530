import "server-only";
import type { JSONContent } from "@tiptap/core";
import { serializeHtml } from "@/lib/editor/serialize-html";
import { diffSchema } from "./richtext";

/** HTML of a compared document (with <ins>/<del> for the change marks), from the same extension list as the editor. */
export function renderDiffHtml(doc: JSONContent): string {
  return serializeHtml(diffSchema(), doc);
}

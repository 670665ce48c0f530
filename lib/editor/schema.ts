import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { editorExtensions } from "./extensions";

let schema: Schema | null = null;

/** The ProseMirror schema of THE extension list (client-safe: no validation code, which brings zod along). */
export function editorSchema(): Schema {
  schema ??= getSchema(editorExtensions);
  return schema;
}

import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { editorExtensions, HEADING_LEVELS } from "@/lib/editor/extensions";
import { SUGGESTION_MARKS } from "@/lib/editor/extensions/suggestions";
import { TEXT_ALIGNMENTS } from "@/lib/editor/extensions/text-align";
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation";
import { isAllowedHref, LINK_NOT_ALLOWED_HINT } from "./links";
import { editorSchema } from "./schema";
import { checkNesting, TOO_DEEP_MESSAGE } from "./nesting";
import { describeSchemaError } from "./schema-errors";

/** Largest accepted rich-text part, measured as its JSON (about 150 pages of plain text). */
export const MAX_DOC_BYTES = 512 * 1024;

export { editorSchema };

export type DocValidation = { ok: true; doc: JSONContent } | { ok: false; error: string };

export type ValidateOptions = {
  /**
   * "refuse" (new input: a save, a measure, an import) or "drop" (a document the
   * app stored itself, e.g. a version's snapshot): a link that an older, looser
   * rule let through loses its link mark and keeps its text, so that no stored
   * version becomes unreadable when the rule tightens.
   */
  disallowedLinks?: "refuse" | "drop";
};

/**
 * Validate a rich-text document against the editor's own schema. Unknown nodes or
 * marks, disallowed link targets and oversized documents are rejected with a German
 * message; the normalised JSON (as ProseMirror reads it) is returned on success.
 */
export function validateDoc(input: unknown, options: ValidateOptions = {}): DocValidation {
  // First, before anything that recurses (JSON.stringify, the schema, the walks below).
  if (!checkNesting(input).ok) {
    return { ok: false, error: TOO_DEEP_MESSAGE };
  }
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(input) ?? "", "utf8");
  } catch {
    return { ok: false, error: "Der Text konnte nicht gelesen werden." };
  }
  if (size > MAX_DOC_BYTES) {
    return { ok: false, error: `Der Text ist zu lang (${Math.round(size / 1024)} KB, höchstens ${MAX_DOC_BYTES / 1024} KB je Abschnitt).` };
  }
  if (!input || typeof input !== "object" || (input as JSONContent).type !== "doc") {
    return { ok: false, error: "Der Text hat kein gültiges Format (erwartet wird ein Dokument)." };
  }
  if (findUnstorableText(input)) return { ok: false, error: `Der Text ${UNSTORABLE_TEXT_MESSAGE}` };
  let node: PMNode;
  try {
    node = editorSchema().nodeFromJSON(input);
    node.check();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Der Text enthält ${describeSchemaError(detail)}. Bitte den Text im Editor prüfen.` };
  }
  let badLink: string | null = null;
  let badHeading = false;
  let badAlign: string | null = null;
  let badSuggestion: string | null = null;
  node.descendants((child) => {
    if (child.type.name === "heading" && !(HEADING_LEVELS as readonly number[]).includes(child.attrs.level as number)) badHeading = true;
    const align: unknown = child.attrs.textAlign;
    if (align !== undefined && align !== null && !(TEXT_ALIGNMENTS as readonly unknown[]).includes(align)) {
      badAlign = (typeof align === "string" ? align : JSON.stringify(align) ?? "").replace(/[\p{Cc}\p{Cf}]/gu, "�").slice(0, 30);
    }
    for (const mark of child.marks) {
      if (SUGGESTION_MARK_NAMES.has(mark.type.name)) badSuggestion ??= suggestionMarkProblem(mark.type.name, mark.attrs);
      if (mark.type.name === "link" && !isAllowedHref(mark.attrs.href)) {
        const href = mark.attrs.href;
        badLink = typeof href === "string" ? href.replace(/[\p{Cc}\p{Cf}]/gu, "�").slice(0, 60) : "";
      }
    }
    return badLink === null && !badHeading && badAlign === null && badSuggestion === null;
  });
  if (badSuggestion !== null) return { ok: false, error: badSuggestion };
  if (badHeading) return { ok: false, error: "Der Text enthält eine nicht erlaubte Überschriftenebene." };
  if (badAlign !== null) return { ok: false, error: `Der Text enthält eine nicht erlaubte Ausrichtung („${badAlign}“). ${ALIGNMENT_HINT}` };
  if (badLink !== null && options.disallowedLinks === "drop") return { ok: true, doc: withoutDisallowedLinks(node) };
  if (badLink !== null) {
    const which = badLink === "" ? "Ein Link ohne Zieladresse" : `Der Link „${badLink}“`;
    return { ok: false, error: `${which} ist nicht erlaubt. ${LINK_NOT_ALLOWED_HINT}` };
  }
  return { ok: true, doc: withoutDefaultAlignment(node.toJSON() as JSONContent) };
}

const SUGGESTION_MARK_NAMES = new Set<string>(SUGGESTION_MARKS);
const SUGGESTION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A proposal's mark must name itself (id) and its author (a user id); a time, if any, is an ISO time. */
function suggestionMarkProblem(name: string, attrs: Record<string, unknown>): string | null {
  if (name === "modification") return "Der Text enthält einen Änderungsvorschlag an der Formatierung eines ganzen Absatzes; das wird noch nicht unterstützt.";
  const { id, author, at } = attrs;
  if (typeof id !== "string" || !SUGGESTION_ID.test(id)) return "Der Text enthält einen Änderungsvorschlag ohne gültige Kennung.";
  if (typeof author !== "string" || !USER_ID.test(author)) return "Der Text enthält einen Änderungsvorschlag ohne gültige Autorin oder gültigen Autor.";
  if (at !== null && at !== undefined && (typeof at !== "string" || at.length > 40 || Number.isNaN(Date.parse(at)))) {
    return "Der Text enthält einen Änderungsvorschlag mit ungültiger Zeitangabe.";
  }
  return null;
}

const ALIGNMENT_HINT = "Erlaubt sind linksbündig, zentriert, rechtsbündig und Blocksatz.";

/**
 * The JSON without `textAlign` where it is the default (null or "left"): text
 * that is not aligned is stored exactly as before alignment existed. Only for
 * JSON the schema has read (its depth is bounded by the schema's content rules
 * and by checkNesting before that).
 */
export function withoutDefaultAlignment(json: JSONContent): JSONContent {
  const out: JSONContent = { ...json };
  if (out.attrs && "textAlign" in out.attrs && (out.attrs.textAlign === null || out.attrs.textAlign === "left")) {
    const { textAlign: _default, ...rest } = out.attrs;
    if (Object.keys(rest).length) out.attrs = rest;
    else delete out.attrs;
  }
  if (json.content) out.content = json.content.map(withoutDefaultAlignment);
  return out;
}

/** The document without the link marks the link rule refuses; depth is bounded by checkNesting before this runs. */
function withoutDisallowedLinks(node: PMNode): JSONContent {
  const strip = (json: JSONContent): JSONContent => ({
    ...json,
    ...(json.marks ? { marks: json.marks.filter((m) => !(m.type === "link" && !isAllowedHref(m.attrs?.href))) } : {}),
    ...(json.content ? { content: json.content.map(strip) } : {}),
  });
  return withoutDefaultAlignment(editorSchema().nodeFromJSON(strip(node.toJSON() as JSONContent)).toJSON() as JSONContent);
}

/**
 * A part's text with its proposed changes decided: all rejected (the text as
 * it stands, what the reviewer's guarantee compares and a draft's PDF prints),
 * all accepted, or one proposal accepted or rejected. The work is done by the
 * commands of `@handlewithcare/prosemirror-suggest-changes` on a headless
 * editor state of our schema, so the server decides exactly as the editor does.
 */
import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState, type Command } from "@tiptap/pm/state";
import { applySuggestion, applySuggestions, revertSuggestion, revertSuggestions } from "@handlewithcare/prosemirror-suggest-changes";
import { editorSchema, withoutDefaultAlignment } from "@/lib/editor/validate";
import { SUGGESTION_MARKS } from "@/lib/editor/extensions/suggestions";

const SUGGESTION = new Set<string>(SUGGESTION_MARKS);

function run(doc: PMNode, command: Command): PMNode {
  let state = EditorState.create({ doc });
  command(state, (tr) => {
    state = state.apply(tr);
  });
  return state.doc;
}

const toNode = (doc: PMNode | JSONContent): PMNode => ("nodeSize" in doc ? (doc as PMNode) : editorSchema().nodeFromJSON(doc));
const toJson = (node: PMNode): JSONContent => withoutDefaultAlignment(node.toJSON() as JSONContent);

/** Does the JSON hold any proposal? (Cheap: lets readers skip the headless editor for ordinary text.) */
export function hasSuggestions(doc: JSONContent | null | undefined): boolean {
  if (!doc) return false;
  const stack: JSONContent[] = [doc];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.marks?.some((m) => SUGGESTION.has(m.type))) return true;
    if (Array.isArray(node.content)) stack.push(...node.content);
  }
  return false;
}

export function rejectAllNode(doc: PMNode): PMNode {
  return run(doc, revertSuggestions);
}

export function acceptAllNode(doc: PMNode): PMNode {
  return run(doc, applySuggestions);
}

/** The text with every open proposal rejected: inserted text gone, text proposed for deletion kept. */
export function rejectAll(doc: JSONContent): JSONContent {
  return hasSuggestions(doc) ? toJson(rejectAllNode(toNode(doc))) : doc;
}

/** The text with every open proposal accepted. */
export function acceptAll(doc: JSONContent): JSONContent {
  return hasSuggestions(doc) ? toJson(acceptAllNode(toNode(doc))) : doc;
}

/** Accept one proposal (all its parts); null when the text has no proposal with this id. */
export function accept(doc: JSONContent, id: string): JSONContent | null {
  return decideOne(doc, id, applySuggestion(id));
}

/** Reject one proposal (all its parts); null when the text has no proposal with this id. */
export function reject(doc: JSONContent, id: string): JSONContent | null {
  return decideOne(doc, id, revertSuggestion(id));
}

function decideOne(doc: JSONContent, id: string, command: Command): JSONContent | null {
  const node = toNode(doc);
  let found = false;
  node.descendants((child) => {
    if (found) return false;
    if (child.marks.some((m) => SUGGESTION.has(m.type.name) && m.attrs.id === id)) found = true;
    return !found;
  });
  return found ? toJson(run(node, command)) : null;
}

/**
 * For readers that must not fail on text they cannot load into the schema (an
 * export of old stored text): the proposals rejected, or, when the schema
 * refuses the document, the same done mark by mark (inserted runs dropped,
 * deletion marks removed) without joining paragraphs.
 */
export function withoutProposals(doc: JSONContent): JSONContent {
  if (!hasSuggestions(doc)) return doc;
  try {
    return rejectAll(doc);
  } catch {
    const walk = (node: JSONContent): JSONContent | null => {
      if (node.marks?.some((m) => m.type === "insertion")) return null;
      const copy: JSONContent = { ...node };
      if (node.marks) copy.marks = node.marks.filter((m) => !SUGGESTION.has(m.type));
      if (copy.type === "text" && copy.text) copy.text = copy.text.replace(/\u200B/g, "");
      if (node.content) copy.content = node.content.map(walk).filter((c): c is JSONContent => c !== null && !(c.type === "text" && !c.text));
      return copy;
    };
    return walk(doc) ?? { type: "doc", content: [{ type: "paragraph" }] };
  }
}

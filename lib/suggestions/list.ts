/**
 * The open proposals of a part, read from its marks: one entry per proposal
 * id, with the text it would insert and the text it would delete. A paragraph
 * break inside a proposal reads "¶"; the library's zero-width anchors are
 * left out.
 */
import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { editorSchema } from "@/lib/editor/schema";

export type SuggestionKind = "insert" | "delete" | "replace";

export type Suggestion = {
  id: string;
  kind: SuggestionKind;
  /** the proposer's user id, as the mark carries it */
  author: string | null;
  /** ISO time of the proposal (the proposer's clock), when the mark carries one */
  at: string | null;
  inserted: string;
  deleted: string;
};

type Run = { kind: "insertion" | "deletion"; id: string; author: string | null; at: string | null; text: string; block: number };

/** Marked text runs in document order, with the number of the textblock they sit in. */
export function suggestionRuns(doc: PMNode): Run[] {
  const runs: Run[] = [];
  let block = -1;
  doc.descendants((node) => {
    if (node.isTextblock) block++;
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const kind = mark.type.name;
      if (kind !== "insertion" && kind !== "deletion") continue;
      runs.push({ kind, id: String(mark.attrs.id), author: (mark.attrs.author as string | null) ?? null, at: (mark.attrs.at as string | null) ?? null, text: node.text ?? "", block });
    }
    return false;
  });
  return runs;
}

const joinRuns = (runs: Run[]) => {
  let out = "";
  let lastBlock: number | null = null;
  for (const r of runs) {
    if (lastBlock !== null && r.block !== lastBlock) out += "¶";
    out += r.text.replace(/\u200B/g, "");
    lastBlock = r.block;
  }
  return out;
};

export function listSuggestions(doc: PMNode | JSONContent): Suggestion[] {
  const node = "nodeSize" in doc ? (doc as PMNode) : editorSchema().nodeFromJSON(doc);
  const byId = new Map<string, Run[]>();
  for (const run of suggestionRuns(node)) byId.set(run.id, [...(byId.get(run.id) ?? []), run]);
  return [...byId.entries()].map(([id, runs]) => {
    const ins = runs.filter((r) => r.kind === "insertion");
    const del = runs.filter((r) => r.kind === "deletion");
    return {
      id,
      kind: ins.length && del.length ? "replace" : ins.length ? "insert" : "delete",
      author: runs[0]!.author,
      at: runs.find((r) => r.at)?.at ?? null,
      inserted: joinRuns(ins),
      deleted: joinRuns(del),
    };
  });
}

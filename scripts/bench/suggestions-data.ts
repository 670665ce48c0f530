/**
 * The suggestions bench's part: generated text (scripts/bench/content.ts) with
 * open proposals in it, alternately an insertion after a paragraph's text and
 * a deletion of a paragraph's last sentence, each by `authorId` with its own
 * id — what a reviewer's round leaves in a part. Pure, so a test can check it.
 */
import type { JSONContent } from "@tiptap/core";
import type { Doc } from "./content";

export const BENCH_PROPOSALS = 20;

/** `doc` with `count` proposals spread over its paragraphs (none holds an "x": the typing bench counts those). */
/** (`prefix` keeps the ids of several parts apart.) */
export function withBenchProposals(doc: Doc, count: number, authorId: string, at = "2026-12-01T10:00:00.000Z", prefix = "bench"): JSONContent {
  const paragraphs = doc.content.map((n, i) => ({ n, i })).filter(({ n }) => n.type === "paragraph");
  if (paragraphs.length === 0) throw new Error("bench: no paragraph to put proposals in");
  const content: JSONContent[] = doc.content.map((n) => structuredClone(n) as JSONContent);
  for (let k = 0; k < count; k++) {
    const target = paragraphs[(k * Math.max(1, Math.floor(paragraphs.length / count))) % paragraphs.length]!;
    const node = content[target.i]!;
    const attrs = { id: `${prefix}-${k + 1}`, author: authorId, at };
    const runs = node.content ?? [];
    if (k % 2 === 0) {
      runs.push({ type: "text", text: ` Ergänzung ${k + 1} aus der Prüfung.`, marks: [{ type: "insertion", attrs }] });
    } else {
      // The paragraph's last sentence proposed for deletion: split its text run.
      const last = runs.findLastIndex((r) => r.type === "text" && !r.marks?.length && (r.text ?? "").length > 40);
      if (last < 0) {
        runs.push({ type: "text", text: ` Gestrichen ${k + 1}.`, marks: [{ type: "deletion", attrs }] });
      } else {
        const text = runs[last]!.text!;
        const sentence = text.lastIndexOf(". ", text.length - 3) + 2;
        const cut = sentence > 1 && sentence < text.length - 1 ? sentence : Math.floor(text.length / 2);
        runs.splice(last, 1, { type: "text", text: text.slice(0, cut) }, { type: "text", text: text.slice(cut), marks: [{ type: "deletion", attrs }] });
      }
    }
    node.content = runs;
  }
  return { type: "doc", content };
}

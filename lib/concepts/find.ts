import "server-only";
import type { JSONContent } from "@tiptap/core";
import { listThreadsWithComments } from "@/db/queries/comments";
import type { Actor } from "@/lib/authz/require-role";
import { plainText } from "@/lib/editor/document";
import { currentConceptTree } from "@/lib/realtime/store";
import { templateFor } from "@/lib/template";
import { requireConcept } from "./access";
import { cleanQuery, searchDocs, type SearchDoc } from "./search";
import { threadPath } from "@/lib/review/links";

type Field = { key: string; title: string; custom: boolean };

/** What a hit stands for, and the place on the concept or review page it links to. */
export type FoundPlace = { href: string } & (
  | { kind: "part"; chapter: string; part: string; field: Field | null }
  | { kind: "subgoal"; field: Field }
  | { kind: "measure"; field: Field; title: string; code: string }
  | { kind: "comment"; authorName: string | null; threadState: string }
);

/**
 * Search one concept for a member who may read it: the part texts (in the
 * order of the concept page), sub-goals, measures (code, title, description)
 * and the visible comments of its threads (every reader sees the review page;
 * deleted and hidden comments are not searched). Each hit links to its place:
 * the part (#teil-…), the measure card (#measures-…), the field of action
 * (#feld-…) or the thread on the review page (#thread-…).
 */
export async function findInConcept(actor: Actor, input: { conceptId: string; query: unknown }) {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.read");
  const checked = cleanQuery(input.query);
  if (!checked.ok) return { concept, query: null, problem: checked.reason, hits: [], truncated: false };
  const [tree, threads] = await Promise.all([currentConceptTree(concept.id), listThreadsWithComments({ conceptId: concept.id })]);
  const page = `/concepts/${concept.id}`;
  const fieldById = new Map(tree.fields.map((f) => [f.id, { key: f.key, title: f.title, custom: f.custom }]));
  const docs: SearchDoc<FoundPlace>[] = [];
  const template = templateFor(concept.templateVersion);
  for (const chapter of template.chapters) {
    for (const s of tree.sections.filter((x) => x.chapter === chapter.key && !x.fieldId)) {
      docs.push({ text: plainText(s.content as JSONContent), ref: { kind: "part", chapter: s.chapter, part: s.part, field: null, href: `${page}#teil-${s.id}` } });
    }
    if (chapter.key !== "fields") continue;
    for (const f of tree.fields) {
      const field = fieldById.get(f.id)!;
      for (const fp of template.fieldParts) {
        if (fp.kind === "richText") {
          for (const s of tree.sections.filter((x) => x.fieldId === f.id && x.part === fp.key)) {
            docs.push({ text: plainText(s.content as JSONContent), ref: { kind: "part", chapter: s.chapter, part: s.part, field, href: `${page}#teil-${s.id}` } });
          }
        } else if (fp.kind === "subGoals") {
          for (const g of tree.subGoals.filter((x) => x.fieldId === f.id)) docs.push({ text: g.text, ref: { kind: "subgoal", field, href: `${page}#feld-${f.key}` } });
        } else {
          for (const m of tree.measures.filter((x) => x.fieldId === f.id)) {
            const text = [m.code, m.title, plainText(m.description)].filter(Boolean).join(" – ");
            docs.push({ text, ref: { kind: "measure", field, title: m.title, code: m.code, href: `${page}#measures-${f.id}-${m.id}` } });
          }
        }
      }
    }
  }
  for (const t of threads) {
    for (const c of t.comments) {
      if (c.deletedAt || c.hiddenAt) continue;
      docs.push({ text: c.body, ref: { kind: "comment", authorName: c.authorName, threadState: t.state, href: threadPath(concept.id, t.id) } });
    }
  }
  const { hits, truncated } = searchDocs(docs, checked.query);
  return { concept, query: checked.query, problem: null, hits, truncated };
}

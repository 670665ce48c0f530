import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { JSONContent } from "@tiptap/core";
import { SingleEditor } from "@/components/editor/single-editor";
import { pageActor } from "@/lib/auth/session";
import { requireConcept } from "@/lib/concepts/access";
import { orNotFound } from "@/lib/http/page";
import { currentConceptTree } from "@/lib/realtime/store";
import { templateFor } from "@/lib/template";
import { withClientMessages } from "@/components/i18n/with-client-messages";

type Props = { params: Promise<{ conceptId: string }> };

export const metadata: Metadata = { title: "Einzeleditor (Messung)" };

/**
 * The benchmark's yardstick (issues 12 and 17), not a page for users: the
 * whole concept in ONE Tiptap editor with the app's extension list, without
 * collaboration or saving, so that `npm run bench` can measure the concept
 * page beside it in the same run. Exists only when the server runs with
 * KONZEPTWERK_BENCH_PAGES=1; everyone else gets a 404.
 */
export default withClientMessages(["editor", "form"], async function SingleEditorPage({ params }: Props) {
  if (process.env.KONZEPTWERK_BENCH_PAGES !== "1") notFound();
  const { conceptId } = await params;
  const actor = await pageActor();
  const { concept } = await orNotFound(requireConcept(actor, conceptId, "concept.read"));
  const tree = await currentConceptTree(concept.id);
  const template = templateFor(concept.templateVersion);
  const fields = [...tree.fields].sort((a, b) => a.position - b.position);
  const content: JSONContent[] = [];
  for (const chapter of template.chapters) {
    const parts = [
      ...chapter.parts.map((p) => tree.sections.find((s) => s.fieldId === null && s.chapter === chapter.key && s.part === p.key)),
      ...(chapter.key === "fields" ? fields.flatMap((f) => template.fieldParts.map((p) => tree.sections.find((s) => s.fieldId === f.id && s.part === p.key))) : []),
    ];
    for (const s of parts) if (s) content.push(...(((s.content as JSONContent).content ?? []) as JSONContent[]));
  }
  return (
    <div className="page">
      <h1>{concept.title}</h1>
      <SingleEditor content={{ type: "doc", content: content.length ? content : [{ type: "paragraph" }] }} />
    </div>
  );
});

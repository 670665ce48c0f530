import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/format";
import { RealtimeRoot } from "@/components/editor/realtime";
import { EditorCodePreload } from "@/components/editor/editor-code-preload";
import { MarginComments } from "@/components/concept/margin-comments";
import { KeepPartTexts } from "@/components/editor/keep-part-texts";
import { conceptOfPage, pageRights } from "./page-data";
import { ConceptActions, ConceptBody, ConceptStatus } from "./concept-body";
import { withClientMessages } from "@/components/i18n/with-client-messages";

type Props = { params: Promise<{ conceptId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { conceptId } = await params;
  const { concept } = await conceptOfPage(conceptId);
  return { title: concept.title };
}

/**
 * The concept page streams (issue 17): the header, the title and the page's scripts go out as soon as the
 * concept and the person's rights are read; the rest follows in the same response once its data is there.
 * The three boundaries share one read (page-data.ts) and have no fallback: what streams in comes below what
 * is already shown, so nothing on the screen moves.
 */
export default withClientMessages(["check", "concept", "editor", "form", "labels", "margin", "measures", "mentions", "monitoring", "outline", "pdf", "review", "rounds", "status", "subGoals", "template", "versions", "writing"], async function ConceptPage({ params }: Props) {
  const { conceptId } = await params;
  const { concept, actor, canEdit, viewer } = await pageRights(conceptId);
  const t = await getTranslations("concept");
  return (
    <RealtimeRoot conceptId={concept.id} me={{ id: actor.id, name: actor.name }}>
      <KeepPartTexts />
      <EditorCodePreload />
      <MarginComments conceptId={concept.id} canComment={viewer.canComment} />
      <div className="actions-row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: ".25rem" }}>
            <bdi>{concept.title}</bdi>
          </h1>
          <p className="meta">
            {t("meta", { version: concept.templateVersion, date: formatDateTime(concept.updatedAt) })}
            {canEdit ? "" : ` · ${t("readOnly")}`}
          </p>
          <Suspense fallback={null}>
            <ConceptStatus conceptId={concept.id} />
          </Suspense>
        </div>
        <Suspense fallback={null}>
          <ConceptActions conceptId={concept.id} />
        </Suspense>
      </div>
      <Suspense fallback={null}>
        <ConceptBody conceptId={concept.id} />
      </Suspense>
    </RealtimeRoot>
  );
});

import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { getTranslations } from "next-intl/server";
import { pageActor } from "@/lib/auth/session";
import { findInConcept, type FoundPlace } from "@/lib/concepts/find";
import { MAX_HITS, MAX_QUERY, MIN_QUERY } from "@/lib/concepts/search";
import { orNotFound } from "@/lib/http/page";
import { getTemplateText } from "@/lib/i18n/server";
import { templateFor } from "@/lib/template";
import { ConceptSearchForm } from "@/components/concept/concept-search-form";

type Props = { params: Promise<{ conceptId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conceptSearch");
  return { title: t("label") };
}

/**
 * Search within one concept (every member who may read it): the hits in part
 * texts, sub-goals, measures and comments, each a link to its place, the match
 * marked in a short excerpt.
 */
export default async function ConceptSearchPage({ params, searchParams }: Props) {
  const { conceptId } = await params;
  const q = (await searchParams).q;
  const actor = await pageActor();
  const found = await orNotFound(findInConcept(actor, { conceptId, query: Array.isArray(q) ? q[0] : q }));
  const { concept } = found;
  const t = await getTranslations("conceptSearch");
  const tt = await getTemplateText();
  const template = templateFor(concept.templateVersion);

  const where = (place: FoundPlace): string => {
    switch (place.kind) {
      case "part": {
        if (!place.field) {
          const chapter = template.chapters.find((c) => c.key === place.chapter);
          return t("inChapter", { chapter: chapter ? tt.chapterTitle(chapter) : place.chapter });
        }
        const part = template.fieldParts.find((p) => p.key === place.part);
        return t("inFieldPart", { part: part ? tt.fieldPartTitle(part) : place.part, field: tt.fieldTitle(place.field) });
      }
      case "subgoal":
        return t("subgoalOf", { field: tt.fieldTitle(place.field) });
      case "measure":
        return t("measureOf", { title: place.code ? `${place.code} ${place.title}` : place.title, field: tt.fieldTitle(place.field) });
      case "comment":
        return (place.authorName ? t("commentBy", { author: place.authorName }) : t("commentByUnknown")) + (place.threadState === "resolved" ? ` (${t("resolved")})` : "");
    }
  };

  return (
    <>
      <p>
        <IntentLink href={`/concepts/${concept.id}`}>{t("back")}</IntentLink>
      </p>
      <h1>
        {t("title", { title: concept.title })}
      </h1>
      <ConceptSearchForm conceptId={concept.id} query={found.query ?? (typeof q === "string" ? q : "")} />
      {found.problem ? (
        <p className="notice" role="status">
          {t(found.problem, { min: MIN_QUERY, max: MAX_QUERY })}
        </p>
      ) : (
        <>
          <p role="status" data-testid="search-count">
            {t("results", { count: found.hits.length, query: found.query ?? "" })}
          </p>
          {found.truncated ? <p className="notice">{t("truncated", { count: MAX_HITS })}</p> : null}
          <ol className="search-hits" data-testid="search-hits">
            {found.hits.map((hit, i) => (
              <li key={i} className="card search-hit">
                <p className="meta">
                  {t(hit.ref.kind)}
                  {hit.matches > 1 ? ` · ${t("matches", { count: hit.matches })}` : ""}
                </p>
                <h2 className="search-hit-title">
                  <IntentLink href={hit.ref.href}>{where(hit.ref)}</IntentLink>
                </h2>
                <p className="search-excerpt">
                  {hit.excerpt.before}
                  <mark>{hit.excerpt.match}</mark>
                  {hit.excerpt.after}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

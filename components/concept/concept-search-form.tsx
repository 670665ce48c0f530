import { getTranslations } from "next-intl/server";
import { MAX_QUERY } from "@/lib/concepts/search";

/** The search field of a concept: a plain GET form to the results page, so it works without JavaScript. */
export async function ConceptSearchForm({ conceptId, query = "" }: { conceptId: string; query?: string }) {
  const t = await getTranslations("conceptSearch");
  return (
    <form role="search" method="get" action={`/concepts/${conceptId}/suche`} className="concept-search" data-testid="concept-search">
      <label htmlFor="concept-search-q">{t("label")}</label>
      <input id="concept-search-q" type="search" name="q" defaultValue={query} maxLength={MAX_QUERY} autoComplete="off" />
      <button className="button-secondary" type="submit">
        {t("submit")}
      </button>
    </form>
  );
}

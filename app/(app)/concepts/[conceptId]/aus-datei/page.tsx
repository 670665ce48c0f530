import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/concept/import-form";
import { pageActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { requireConcept, isReadOnly } from "@/lib/concepts/access";
import { orNotFound } from "@/lib/http/page";
import { importIntoDraftAction } from "../../import/actions";
import { withClientMessages } from "@/components/i18n/with-client-messages";

type Props = { params: Promise<{ conceptId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("import");
  return { title: t("titleDraft") };
}

/** The Fortschreibung from a file: a revised Word/ODT concept taken into this draft, part by part. */
export default withClientMessages(["form", "import"], async function ImportIntoDraftPage({ params }: Props) {
  const { conceptId } = await params;
  const actor = await pageActor();
  const { concept, role } = await orNotFound(requireConcept(actor, conceptId, "concept.read"));
  const t = await getTranslations("import");
  const tc = await getTranslations("versions");
  const allowed = can(role, "version.restore") && can(role, "concept.import");

  return (
    <div className="page page-narrow">
      <p>
        <IntentLink href={`/concepts/${concept.id}/versionen`}>{tc("title", { title: concept.title })}</IntentLink>
      </p>
      <h1>{t("titleDraft")}</h1>
      <p>{t("introDraft", { title: concept.title })}</p>
      {!allowed ? (
        <p role="note">{t("notAllowed")}</p>
      ) : isReadOnly(concept) ? (
        <p role="note">{t("adoptedDraft")}</p>
      ) : (
        <ImportForm action={importIntoDraftAction} municipalities={[]} defaultMunicipalityId={concept.municipalityId} into={{ conceptId: concept.id, title: concept.title }} />
      )}
    </div>
  );
});

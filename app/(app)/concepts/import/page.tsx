import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/concept/import-form";
import { activeMembership, currentActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { importConceptAction } from "./actions";
import { withClientMessages } from "@/components/i18n/with-client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("import");
  return { title: t("title") };
}

export default withClientMessages(["form", "import"], async function ImportConceptPage() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const { active, all } = await activeMembership(actor);
  const allowed = all.filter((m) => can(m.role, "concept.import"));
  const preferred = allowed.find((m) => m.municipalityId === active?.municipalityId) ?? allowed[0];
  const t = await getTranslations("import");

  return (
    <div className="page page-narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {preferred ? (
        <ImportForm
          action={importConceptAction}
          municipalities={allowed.map((m) => ({ id: m.municipalityId, name: m.name }))}
          defaultMunicipalityId={preferred.municipalityId}
        />
      ) : (
        <p role="note">{t("notAllowed")}</p>
      )}
    </div>
  );
});

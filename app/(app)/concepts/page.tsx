import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { activeMembership, pageActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { readConceptDashboard } from "@/lib/concepts/dashboard";
import { ConceptDashboardEntry } from "@/components/concept/concept-dashboard";
import { CreateConceptForm } from "@/components/concept/create-concept-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("concepts");
  return { title: t("title") };
}

export default async function ConceptsPage() {
  const actor = await pageActor();
  const { active } = await activeMembership(actor);
  const t = await getTranslations("concepts");
  if (!active) {
    return (
      <>
        <h1>{t("title")}</h1>
        <p className="notice">{t("noMunicipality")}</p>
      </>
    );
  }
  const concepts = await readConceptDashboard(actor, { municipalityId: active.municipalityId });
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <h1>{t("heading", { municipality: active.name })}</h1>
      {concepts.length === 0 ? <p>{t("empty")}</p> : null}
      <ul className="concept-list">
        {concepts.map((c) => (
          <ConceptDashboardEntry key={c.id} entry={c} today={today} />
        ))}
      </ul>
      {can(active.role, "concept.create") ? (
        <section aria-labelledby="new-concept" className="card" style={{ marginTop: "1.5rem" }}>
          <h2 id="new-concept" style={{ marginTop: 0 }}>
            {t("newHeading")}
          </h2>
          <p className="meta">{t("newIntro")}</p>
          <CreateConceptForm municipalityId={active.municipalityId} defaultTitle={t("defaultTitle", { municipality: active.name })} />
          {can(active.role, "concept.import") ? (
            <p>
              <Link href="/concepts/import">{t("importLink")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { getTranslations } from "next-intl/server";
import { listConceptsMarkedForDeletion } from "@/db/queries/concepts";
import { activeMembership, pageActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { readConceptDashboard } from "@/lib/concepts/dashboard";
import { DELETION_GRACE_DAYS } from "@/lib/concepts/lifecycle";
import { formatDate } from "@/lib/format";
import { ConceptDashboardEntry } from "@/components/concept/concept-dashboard";
import { ConceptLifecycle, RestoreConceptButton } from "@/components/concept/concept-lifecycle";
import { CreateConceptForm } from "@/components/concept/create-concept-form";
import { Notice } from "@/components/ui/notice";
import { withClientMessages } from "@/components/i18n/with-client-messages";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What a lifecycle step's redirect reports (app/(app)/concepts/actions.ts) → the message key. */
const DONE: Record<string, "archived" | "unarchived" | "marked" | "restored"> = {
  archiviert: "archived",
  zurueckgeholt: "unarchived",
  vorgemerkt: "marked",
  wiederhergestellt: "restored",
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("concepts");
  return { title: t("title") };
}

/**
 * The municipality's concepts as a dashboard; archived ones in their own
 * section "Archiv", and for admins the concepts marked for deletion with the
 * day they go for good and a restore button (nobody else learns of them).
 */
export default withClientMessages(["conceptLifecycle", "concepts", "form"], async function ConceptsPage({ searchParams }: Props) {
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
  const manage = can(active.role, "concept.delete");
  const tl = await getTranslations("conceptLifecycle");
  const [all, marked] = await Promise.all([
    readConceptDashboard(actor, { municipalityId: active.municipalityId }),
    manage ? listConceptsMarkedForDeletion({ municipalityId: active.municipalityId }) : Promise.resolve([]),
  ]);
  const concepts = all.filter((c) => !c.archivedAt);
  const archived = all.filter((c) => c.archivedAt);
  const today = new Date().toISOString().slice(0, 10);
  const params = await searchParams;
  const doneKey = typeof params.erledigt === "string" ? DONE[params.erledigt] : undefined;
  const doneTitle = [...all, ...marked].find((c) => c.id === params.konzept)?.title;
  const entry = (c: (typeof all)[number], level: 2 | 3) => (
    <ConceptDashboardEntry key={c.id} entry={c} today={today} level={level}>
      {c.archivedAt ? <p className="meta">{tl("archivedOn", { date: formatDate(c.archivedAt) })}</p> : null}
      {manage ? <ConceptLifecycle conceptId={c.id} title={c.title} archived={!!c.archivedAt} graceDays={DELETION_GRACE_DAYS} /> : null}
    </ConceptDashboardEntry>
  );
  return (
    <>
      <div className="actions-row" style={{ justifyContent: "space-between", alignItems: "baseline" }}>
        <h1>{t("heading", { municipality: active.name })}</h1>
        {/* The form is below every concept: with many of them, this saves keyboard users a long way. */}
        {can(active.role, "concept.create") ? (
          <a className="button-secondary" href="#new-concept">
            {t("jumpToNew")}
          </a>
        ) : null}
      </div>
      {doneKey && doneTitle ? (
        <Notice testId="lifecycle-status" message={{ kind: "ok", text: tl(doneKey, { title: doneTitle }) }} />
      ) : null}
      {concepts.length === 0 ? <p>{t("empty")}</p> : null}
      <ul className="concept-list" data-testid="concept-list">
        {concepts.map((c) => entry(c, 2))}
      </ul>
      {archived.length ? (
        <section aria-labelledby="archive-heading" data-testid="concept-archive">
          <h2 id="archive-heading">{tl("archiveHeading")}</h2>
          <p className="meta">{tl("archiveIntro")}</p>
          <ul className="concept-list">{archived.map((c) => entry(c, 3))}</ul>
        </section>
      ) : null}
      {marked.length ? (
        <section aria-labelledby="deletion-heading" data-testid="concept-deletion">
          <h2 id="deletion-heading">{tl("deletionHeading")}</h2>
          <p className="meta">{tl("deletionIntro")}</p>
          <ul className="concept-list">
            {marked.map((c) => (
              <li key={c.id} className="card">
                <h3 style={{ margin: 0, fontSize: "1.15rem" }}>
                  <bdi>{c.title}</bdi>
                </h3>
                <p className="meta">{tl("deleteOn", { date: formatDate(c.deleteAfter!) })}</p>
                <RestoreConceptButton conceptId={c.id} title={c.title} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {can(active.role, "concept.create") ? (
        <section aria-labelledby="new-concept" className="card" style={{ marginTop: "1.5rem" }}>
          <h2 id="new-concept" style={{ marginTop: 0 }}>
            {t("newHeading")}
          </h2>
          <p className="meta">{t("newIntro")}</p>
          <CreateConceptForm municipalityId={active.municipalityId} defaultTitle={t("defaultTitle", { municipality: active.name })} />
          {can(active.role, "concept.import") ? (
            <p>
              <IntentLink href="/concepts/import">{t("importLink")}</IntentLink>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
});

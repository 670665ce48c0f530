import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { pageActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { formatDate, formatDateTime } from "@/lib/format";
import { getLabels } from "@/lib/i18n/server";
import { getTranslations } from "next-intl/server";
import type { useTranslations } from "next-intl";
import { readHistory, type HistoryEntry } from "@/lib/versions/read";
import type { ChangeCount } from "@/lib/versions/snapshot";
import { CreateVersionForm, StatusForm } from "@/components/versions/version-forms";
import { VersionRowActions } from "@/components/versions/version-row-actions";
import { VersionOptions } from "@/components/versions/version-options";
import { RestoreHistory } from "@/components/versions/restore-notice";
import { orNotFound } from "@/lib/http/page";
import { ScrollBox } from "@/components/ui/scroll-box";
import { withClientMessages } from "@/components/i18n/with-client-messages";

type Props = { params: Promise<{ conceptId: string }> };

export const metadata: Metadata = { title: "Versionen" };

// Server and client translators have the same call signature.
type T = ReturnType<typeof useTranslations<"versions">>;

function kindLabel(t: T, v: HistoryEntry) {
  if (v.kind === "status") return t("kindStatus");
  if (v.kind === "before_restore") return t("kindBeforeRestore", { number: v.restoredFrom ?? 0 });
  if (v.kind === "before_import") return t("kindBeforeImport");
  return t("kindManual");
}

function changes(t: T, count: ChangeCount | null) {
  if (!count) return t("firstVersion");
  const parts = [
    count.sections ? t("countSections", { count: count.sections }) : "",
    count.measures ? t("countMeasures", { count: count.measures }) : "",
    count.other ? t("countOther", { count: count.other }) : "",
  ].filter(Boolean);
  return parts.length ? t("changed", { parts: parts.join(", ") }) : t("noChanges");
}

export default withClientMessages(["form", "labels", "status", "template", "versions"], async function VersionsPage({ params }: Props) {
  const { conceptId } = await params;
  const actor = await pageActor();
  const { concept, role, draft, versions } = await orNotFound(readHistory(actor, conceptId));
  const t = await getTranslations("versions");
  const labels = await getLabels();
  const statusLabel = (s: string) => labels.conceptStatuses[s as keyof typeof labels.conceptStatuses] ?? s;
  // An archived concept changes in no way until an admin takes it out of the archive (lib/concepts/access).
  const archived = !!concept.archivedAt;
  const canVersion = can(role, "version.create") && !archived;
  const canRestore = can(role, "version.restore") && !archived;
  const canStatus = can(role, "concept.changeStatus") && !archived;
  const base = `/concepts/${concept.id}/versionen`;
  const newest = versions[0];

  return (
    <>
      <div className="actions-row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: ".25rem" }}>{t("title", { title: concept.title })}</h1>
          <p className="meta">{t("statusLine", { status: statusLabel(concept.status), count: versions.length })}</p>
        </div>
        <IntentLink className="button-secondary" href={`/concepts/${concept.id}`}>
          {t("backToConcept")}
        </IntentLink>
      </div>

      {canVersion || canStatus ? (
        <section className="card" aria-labelledby="create-version-heading" style={{ marginBottom: "1.25rem" }}>
          <h2 id="create-version-heading" style={{ marginTop: 0 }}>
            {t("keepHeading")}
          </h2>
          {canVersion ? <CreateVersionForm conceptId={concept.id} /> : null}
          {canRestore && concept.status !== "adopted" ? (
            <p>
              <IntentLink href={`/concepts/${concept.id}/aus-datei`}>{t("importFromFile")}</IntentLink>
            </p>
          ) : null}
          {canStatus ? (
            <>
              <h3>{t("statusHeading")}</h3>
              <p className="meta">{t("statusHint")}</p>
              <StatusForm conceptId={concept.id} current={concept.status} />
            </>
          ) : null}
        </section>
      ) : null}

      {versions.length >= 1 ? (
        <section className="card" aria-labelledby="compare-heading" style={{ marginBottom: "1.25rem" }}>
          <h2 id="compare-heading" style={{ marginTop: 0 }}>
            {t("compareHeading")}
          </h2>
          <form className="actions-row" method="get" action={`${base}/vergleich`}>
            <div className="field">
              <label htmlFor="compare-from">{t("older")}</label>
              <select id="compare-from" name="von" defaultValue={String(versions[1]?.number ?? versions[0]!.number)}>
                <VersionOptions versions={versions} />
              </select>
            </div>
            <div className="field">
              <label htmlFor="compare-to">{t("newer")}</label>
              <select id="compare-to" name="bis" defaultValue={versions[1] ? String(versions[0]!.number) : "entwurf"}>
                <option value="entwurf">{t("draft")}</option>
                <VersionOptions versions={versions} />
              </select>
            </div>
            <button type="submit" className="button" style={{ alignSelf: "end" }}>
              {t("compare")}
            </button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("historyHeading")}</h2>
        <RestoreHistory conceptId={concept.id}>
          <ScrollBox label={t("historyHeading")}>
          <table className="table history-table">
            <thead>
              <tr>
                <th scope="col">{t("colState")}</th>
                <th scope="col">{t("colLabel")}</th>
                <th scope="col">{t("colStatus")}</th>
                <th scope="col">{t("colCreated")}</th>
                <th scope="col">{t("colChanges")}</th>
                <th scope="col">{t("colActions")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("draft")}</th>
                <td>{t("draftRow")}</td>
                <td>{statusLabel(concept.status)}</td>
                <td>{t("lastChanged", { date: formatDateTime(draft.updatedAt) })}</td>
                <td>
                  {newest ? changes(t, draft.changes) : t("noVersionYet")}
                  {draft.proposals > 0 ? (
                    <>
                      <br />
                      <IntentLink className="meta" href={`/concepts/${concept.id}`} data-testid="draft-proposals">
                        {t("draftProposals", { count: draft.proposals })}
                      </IntentLink>
                    </>
                  ) : null}
                </td>
                <td>
                  {newest ? (
                    <IntentLink href={`${base}/vergleich?von=${newest.number}&bis=entwurf`}>{t("compareWith", { number: newest.number })}</IntentLink>
                  ) : null}
                </td>
              </tr>
              {versions.map((v, i) => (
                <tr key={v.number}>
                  <th scope="row">Version {v.number}</th>
                  <td>
                    <bdi>{v.label}</bdi>
                    <br />
                    <span className="meta">{kindLabel(t, v)}</span>
                    {v.decisionDate ? (
                      <>
                        <br />
                        <span className="meta">{t("decision", { date: formatDate(v.decisionDate), reference: v.decisionReference ?? "" })}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{statusLabel(v.status)}</td>
                  <td>
                    {formatDateTime(v.createdAt)}
                    <br />
                    <span className="meta">{v.createdByName ?? t("unknownAuthor")}</span>
                  </td>
                  <td>{changes(t, v.changes)}</td>
                  <td>
                    <VersionRowActions conceptId={concept.id} number={v.number} previous={versions[i + 1]?.number ?? null} label={v.label} canRestore={canRestore} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollBox>
        </RestoreHistory>
        {versions.length === 0 ? <p className="notice">{t("none")}</p> : null}
      </section>
    </>
  );
});

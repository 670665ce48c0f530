import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { pageActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { statusLabel } from "@/lib/concepts/status";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { readHistory, type HistoryEntry } from "@/lib/versions/read";
import type { ChangeCount } from "@/lib/versions/snapshot";
import { CreateVersionForm, RestoreButton, StatusForm } from "@/components/versions/version-forms";

type Props = { params: Promise<{ conceptId: string }> };

export const metadata: Metadata = { title: "Versionen" };

const KIND_LABELS: Record<HistoryEntry["kind"], string> = {
  manual: "gespeichert",
  status: "Statuswechsel",
  before_restore: "vor Wiederherstellung",
};

function changes(count: ChangeCount | null) {
  if (!count) return "erste Version";
  const parts = [
    count.sections ? `${count.sections} ${count.sections === 1 ? "Abschnitt" : "Abschnitte"}` : "",
    count.measures ? `${count.measures} ${count.measures === 1 ? "Maßnahme" : "Maßnahmen"}` : "",
    count.other ? `${count.other} ${count.other === 1 ? "weitere Angabe" : "weitere Angaben"}` : "",
  ].filter(Boolean);
  return parts.length ? `${parts.join(", ")} geändert` : "keine Änderungen";
}

export default async function VersionsPage({ params }: Props) {
  const { conceptId } = await params;
  const actor = await pageActor();
  let history;
  try {
    history = await readHistory(actor, conceptId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const { concept, role, draft, versions } = history;
  const canVersion = can(role, "version.create");
  const canRestore = can(role, "version.restore");
  const canStatus = can(role, "concept.changeStatus");
  const base = `/concepts/${concept.id}/versionen`;
  const newest = versions[0];

  return (
    <>
      <div className="actions-row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: ".25rem" }}>Versionen: {concept.title}</h1>
          <p className="meta">
            Status: <strong>{statusLabel(concept.status)}</strong> · {versions.length} {versions.length === 1 ? "Version" : "Versionen"}
          </p>
        </div>
        <Link className="button-secondary" href={`/concepts/${concept.id}`}>
          Zurück zum Konzept
        </Link>
      </div>

      {canVersion || canStatus ? (
        <section className="card" aria-labelledby="create-version-heading" style={{ marginBottom: "1.25rem" }}>
          <h2 id="create-version-heading" style={{ marginTop: 0 }}>
            Stand festhalten
          </h2>
          {canVersion ? <CreateVersionForm conceptId={concept.id} /> : null}
          {canStatus ? (
            <>
              <h3>Status des Konzepts</h3>
              <p className="meta">Jeder Statuswechsel legt automatisch eine Version mit dem neuen Status an.</p>
              <StatusForm conceptId={concept.id} current={concept.status} />
            </>
          ) : null}
        </section>
      ) : null}

      {versions.length >= 1 ? (
        <section className="card" aria-labelledby="compare-heading" style={{ marginBottom: "1.25rem" }}>
          <h2 id="compare-heading" style={{ marginTop: 0 }}>
            Zwei Stände vergleichen
          </h2>
          <form className="actions-row" method="get" action={`${base}/vergleich`}>
            <div className="field">
              <label htmlFor="compare-from">Älterer Stand</label>
              <select id="compare-from" name="von" defaultValue={String(versions[1]?.number ?? versions[0]!.number)}>
                {versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    Version {v.number}: {v.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="compare-to">Neuerer Stand</label>
              <select id="compare-to" name="bis" defaultValue={versions[1] ? String(versions[0]!.number) : "entwurf"}>
                <option value="entwurf">Aktueller Entwurf</option>
                {versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    Version {v.number}: {v.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button" style={{ alignSelf: "end" }}>
              Vergleichen
            </button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Verlauf</h2>
        <table className="table history-table">
          <thead>
            <tr>
              <th scope="col">Stand</th>
              <th scope="col">Bezeichnung</th>
              <th scope="col">Status</th>
              <th scope="col">Erstellt</th>
              <th scope="col">Änderungen zum vorherigen Stand</th>
              <th scope="col">Aktionen</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Aktueller Entwurf</th>
              <td>wird laufend bearbeitet</td>
              <td>{statusLabel(concept.status)}</td>
              <td>zuletzt geändert {formatDateTime(draft.updatedAt)}</td>
              <td>{newest ? changes(draft.changes) : "noch keine Version"}</td>
              <td>
                {newest ? (
                  <Link href={`${base}/vergleich?von=${newest.number}&bis=entwurf`}>
                    Mit Version {newest.number} vergleichen
                  </Link>
                ) : null}
              </td>
            </tr>
            {versions.map((v, i) => (
              <tr key={v.number}>
                <th scope="row">Version {v.number}</th>
                <td>
                  {v.label}
                  <br />
                  <span className="meta">
                    {KIND_LABELS[v.kind]}
                    {v.kind === "before_restore" && v.restoredFrom ? ` von Version ${v.restoredFrom}` : ""}
                  </span>
                </td>
                <td>{statusLabel(v.status)}</td>
                <td>
                  {formatDateTime(v.createdAt)}
                  <br />
                  <span className="meta">{v.createdByName ?? "unbekannt"}</span>
                </td>
                <td>{changes(v.changes)}</td>
                <td>
                  <div className="actions-row" style={{ gap: ".5rem" }}>
                    {versions[i + 1] ? (
                      <Link href={`${base}/vergleich?von=${versions[i + 1]!.number}&bis=${v.number}`}>
                        Mit Version {versions[i + 1]!.number} vergleichen
                      </Link>
                    ) : null}
                    <Link href={`${base}/vergleich?von=${v.number}&bis=entwurf`}>Mit Entwurf vergleichen</Link>
                    <a href={`/api/concepts/${concept.id}/versions/${v.number}`} download={`Version-${v.number}.json`}>
                      JSON<span className="visually-hidden"> von Version {v.number}</span>
                    </a>
                    {canRestore ? <RestoreButton conceptId={concept.id} number={v.number} label={v.label} /> : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {versions.length === 0 ? <p className="notice">Noch keine Version gespeichert.</p> : null}
      </section>
    </>
  );
}

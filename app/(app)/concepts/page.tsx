import type { Metadata } from "next";
import Link from "next/link";
import { listConcepts } from "@/db/queries/concepts";
import { activeMembership, requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { formatDateTime } from "@/lib/format";
import { CreateConceptForm } from "@/components/concept/create-concept-form";

export const metadata: Metadata = { title: "Integrationskonzepte" };

export default async function ConceptsPage() {
  const actor = await requireActor();
  const { active } = await activeMembership(actor);
  if (!active) {
    return (
      <>
        <h1>Integrationskonzepte</h1>
        <p className="notice">Sie gehören noch keiner Kommune an. Bitten Sie die Leitung Ihres Integrationsbüros um eine Einladung.</p>
      </>
    );
  }
  const concepts = await listConcepts({ municipalityId: active.municipalityId });
  return (
    <>
      <h1>Integrationskonzepte – {active.name}</h1>
      {concepts.length === 0 ? <p>Noch kein Integrationskonzept angelegt.</p> : null}
      <ul className="concept-list">
        {concepts.map((c) => (
          <li key={c.id} className="card">
            <h2 style={{ margin: 0, fontSize: "1.15rem" }}>
              <Link href={`/concepts/${c.id}`}>{c.title}</Link>
            </h2>
            <p className="meta">Zuletzt geändert: {formatDateTime(c.updatedAt)}</p>
          </li>
        ))}
      </ul>
      {can(active.role, "concept.create") ? (
        <section aria-labelledby="new-concept" className="card" style={{ marginTop: "1.5rem" }}>
          <h2 id="new-concept" style={{ marginTop: 0 }}>
            Neues Integrationskonzept
          </h2>
          <p className="meta">
            Das Konzept wird aus der Vorlage angelegt: alle Kapitel und die sechs Handlungsfelder Sprache, Arbeit und Ausbildung,
            Bildung, Wohnen, Gesellschaftliche Teilhabe und Gesundheit.
          </p>
          <CreateConceptForm municipalityId={active.municipalityId} defaultTitle={`Integrationskonzept ${active.name}`} />
          {can(active.role, "concept.import") ? (
            <p>
              <Link href="/concepts/import">Konzept aus einer Sicherung (JSON) importieren</Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

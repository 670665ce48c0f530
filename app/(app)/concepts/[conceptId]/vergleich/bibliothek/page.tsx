import type { Metadata } from "next";
import Link from "next/link";
import { pageActor } from "@/lib/auth/session";
import { requireConcept } from "@/lib/concepts/access";
import { FIELD_TITLES } from "@/lib/peers/anonymity";
import { isGroupChoice, type GroupChoice } from "@/lib/peers/groups";
import { browseLibrary, listShareableMeasures } from "@/lib/peers/library";
import { FIELD_KEYS } from "@/lib/peers/metrics";
import { listTakeTargets } from "@/lib/peers/take-measure";
import { can } from "@/lib/authz/permissions";
import { ShareMeasure } from "@/components/peers/share-measure";
import { TakeMeasure } from "@/components/peers/take-measure";
import { orNotFound } from "@/lib/http/page";

type Props = { params: Promise<{ conceptId: string }>; searchParams: Promise<{ feld?: string; gruppe?: string }> };

const GROUP_NAMES: Record<GroupChoice, string> = { own: "Eigene Vergleichsgruppe", level: "Gleiche Ebene, alle Größen", all: "Alle Kommunen" };

async function load(conceptId: string) {
  const actor = await pageActor();
  return { actor, ...(await orNotFound(requireConcept(actor, conceptId, "peers.read"))) };
}

export const metadata: Metadata = { title: "Maßnahmenbibliothek" };

export default async function LibraryPage({ params, searchParams }: Props) {
  const { conceptId } = await params;
  const { feld, gruppe } = await searchParams;
  const group: GroupChoice = isGroupChoice(gruppe) ? gruppe : "all";
  const fieldKey = feld && [...FIELD_KEYS, "other"].includes(feld) ? feld : "";
  const { actor, concept, role } = await load(conceptId);
  const entries = await browseLibrary(actor, { conceptId, fieldKey: fieldKey || undefined, group });
  const own = role === "admin" ? await listShareableMeasures(actor, { conceptId }) : null;
  const targets = await listTakeTargets(actor, { conceptId });
  const mayTake = can(role, "concept.editContent");
  const fieldTitle = (k: string) => FIELD_TITLES[k] ?? "Eigenes Handlungsfeld";

  return (
    <>
      <div className="actions-row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: ".25rem" }}>Maßnahmenbibliothek</h1>
          <p className="meta">Maßnahmen, die andere Kommunen geteilt haben – ohne Namen der Kommune.</p>
        </div>
        <Link className="button-secondary" href={`/concepts/${concept.id}/vergleich`}>
          Zurück zum Vergleich
        </Link>
      </div>

      <form method="get" className="actions-row" aria-label="Bibliothek filtern" style={{ alignItems: "end", marginBottom: "1rem" }}>
        <div className="field">
          <label htmlFor="lib-feld">Handlungsfeld</label>
          <select id="lib-feld" name="feld" defaultValue={fieldKey}>
            <option value="">Alle Handlungsfelder</option>
            {FIELD_KEYS.map((k) => (
              <option key={k} value={k}>
                {fieldTitle(k)}
              </option>
            ))}
            <option value="other">Eigene Handlungsfelder</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="lib-gruppe">Vergleichsgruppe</label>
          <select id="lib-gruppe" name="gruppe" defaultValue={group}>
            {(Object.keys(GROUP_NAMES) as GroupChoice[]).map((g) => (
              <option key={g} value={g}>
                {GROUP_NAMES[g]}
              </option>
            ))}
          </select>
        </div>
        <button className="button" type="submit">
          Anzeigen
        </button>
      </form>

      <section aria-labelledby="lib-results-h">
        <h2 id="lib-results-h">
          {entries.length === 1 ? "1 Maßnahme" : `${entries.length} Maßnahmen`}
          {fieldKey ? ` im Handlungsfeld „${fieldTitle(fieldKey)}“` : ""}
        </h2>
        {entries.length === 0 ? <p className="meta">Für diese Auswahl hat noch keine Kommune eine Maßnahme geteilt.</p> : null}
        {mayTake && entries.length > 0 ? (
          <p className="meta">
            {targets.length
              ? "Eine Maßnahme, die Sie übernehmen, kommt als geplante Maßnahme ans Ende des gewählten Handlungsfelds; dort vermerkt sie ihre Herkunft aus der Bibliothek, ohne die Kommune zu nennen."
              : "Zum Übernehmen braucht es ein Konzept Ihrer Kommune, das noch nicht beschlossen ist."}
          </p>
        ) : null}
        <ul className="library-list" style={{ listStyle: "none", padding: 0, display: "grid", gap: ".75rem" }}>
          {entries.map((e) => (
            <li key={e.id} className="card" data-testid="library-entry">
              <h3 style={{ marginTop: 0 }}>
                <bdi>{e.title}</bdi>
              </h3>
              <p className="meta">
                {fieldTitle(e.fieldKey)} · geteilt von {e.contributor}
              </p>
              {e.description ? <p style={{ whiteSpace: "pre-line" }}>{e.description}</p> : null}
              {targets.length ? <TakeMeasure entry={{ id: e.id, title: e.title, fieldKey: e.fieldKey }} targets={targets} /> : null}
            </li>
          ))}
        </ul>
      </section>

      {own ? (
        <section aria-labelledby="lib-share-h" style={{ marginTop: "2rem" }}>
          <h2 id="lib-share-h">Eigene Maßnahmen teilen</h2>
          <p>
            Geteilt werden nur Titel und Beschreibung, so wie Sie sie hier freigeben. Andere Kommunen sehen statt Ihres Namens nur Ebene und
            Größenklasse Ihrer Kommune.
          </p>
          {own.length === 0 ? <p className="meta">Dieses Konzept hat noch keine Maßnahmen.</p> : null}
          {own.map((m) => (
            <ShareMeasure key={m.id} conceptId={concept.id} measure={m} />
          ))}
        </section>
      ) : null}
    </>
  );
}

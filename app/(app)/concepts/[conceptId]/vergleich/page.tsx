import type { Metadata } from "next";
import Link from "next/link";
import { pageActor } from "@/lib/auth/session";
import { requireConcept } from "@/lib/concepts/access";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { DISTRICTS_ATTRIBUTION } from "@/lib/peers/districts";
import { isGroupChoice, type GroupChoice } from "@/lib/peers/groups";
import { isOperator } from "@/lib/peers/operator";
import { comparePeers, readPeerConsent } from "@/lib/peers/service";
import type { Comparison } from "@/lib/peers/compare";
import { ConsentForm, PublishForm } from "@/components/peers/consent-form";
import { PeerFigure } from "@/components/peers/figure";
import { orNotFound } from "@/lib/http/page";

type Props = { params: Promise<{ conceptId: string }>; searchParams: Promise<{ gruppe?: string }> };

const CHOICE_NAMES: Record<GroupChoice, string> = { own: "Eigene Gruppe", level: "Gleiche Ebene, alle Größen", all: "Alle Kommunen" };

async function load(conceptId: string) {
  const actor = await pageActor();
  return { actor, ...(await orNotFound(requireConcept(actor, conceptId, "peers.read"))) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { conceptId } = await params;
  const { concept } = await load(conceptId);
  return { title: `Vergleich – ${concept.title}` };
}

export default async function PeerComparisonPage({ params, searchParams }: Props) {
  const { conceptId } = await params;
  const { gruppe } = await searchParams;
  const choice: GroupChoice = isGroupChoice(gruppe) ? gruppe : "own";
  const { actor, concept, role } = await load(conceptId);
  let comparison: Comparison | null = null;
  try {
    comparison = await comparePeers(actor, { conceptId, group: choice });
  } catch (error) {
    if (!(error instanceof AppError && error.code === "not_found")) throw error;
  }
  const consent = role === "admin" ? await readPeerConsent(actor, { municipalityId: concept.municipalityId }) : null;

  return (
    <>
      <div className="actions-row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: ".25rem" }}>Vergleich mit anderen Kommunen</h1>
          <p className="meta">{concept.title}</p>
        </div>
        <div className="actions-row">
          <Link className="button-secondary" href={`/concepts/${concept.id}/vergleich/bibliothek`}>
            Maßnahmenbibliothek
          </Link>
          <Link className="button-secondary" href={`/concepts/${concept.id}`}>
            Zurück zum Konzept
          </Link>
        </div>
      </div>
      <p>
        Wie steht Ihr Konzept im Vergleich zu Kommunen wie Ihrer? Die Zahlen stammen aus beschlossenen Konzepten anderer Kommunen, die dem
        Vergleich zugestimmt haben – anonymisiert, ohne Namen und ohne Text. Ihre eigene Kommune ist nie unter den Vergleichskommunen. Werte
        mit weniger als fünf Vergleichskommunen werden zurückgehalten; Anteile sind leicht verrauscht, damit kein einzelner Beitrag
        erkennbar wird. Ihr Konzept geht mit seinem aktuellen Stand ein.
      </p>

      {comparison ? (
        <Figures comparison={comparison} conceptId={concept.id} />
      ) : (
        <p className="notice">Es ist noch kein Vergleichsstand veröffentlicht. Er wird beim Start und danach regelmäßig berechnet.</p>
      )}

      {consent ? (
        <section className="card" aria-labelledby="consent-h" style={{ marginTop: "1.5rem" }}>
          <h2 id="consent-h">Beitrag Ihrer Kommune</h2>
          <p>
            Trägt Ihre Kommune bei, gehen aus ihrer jeweils zuletzt beschlossenen Fassung nur Kennzahlen in den Vergleich ein: abgedeckte
            Handlungsfelder, Zahl der Maßnahmen, Anteile mit Federführung, Indikator und Budget, Finanzierungsmix, Anteil freiwilliger
            Aufgaben, Organisationsmodell, Ausrichtung, Alter und Fortschreibungsturnus. Nie der Name, nie Text. Ein Rückzug wirkt ab dem
            nächsten veröffentlichten Vergleichsstand.
          </p>
          <ConsentForm municipalityId={concept.municipalityId} contribute={consent.contribute} />
        </section>
      ) : null}

      {isOperator(actor) ? (
        <section className="card" aria-labelledby="operator-h" style={{ marginTop: "1.5rem" }}>
          <h2 id="operator-h">Betrieb</h2>
          <p className="meta">Vergleichsstände werden beim Start und regelmäßig veröffentlicht; hier sofort.</p>
          <PublishForm />
        </section>
      ) : null}
    </>
  );
}

function Figures({ comparison: c, conceptId }: { comparison: Comparison; conceptId: string }) {
  return (
    <>
      <nav aria-label="Vergleichsgruppe" className="peer-groups">
        <ul>
          {c.choices.map((g) => (
            <li key={g.choice}>
              <Link
                href={`/concepts/${conceptId}/vergleich${g.choice === "own" ? "" : `?gruppe=${g.choice}`}`}
                aria-current={g.choice === c.group.choice ? "page" : undefined}
                className={g.choice === c.group.choice ? "button" : "button-secondary"}
              >
                {CHOICE_NAMES[g.choice]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="peer-group-label" data-testid="peer-group">
        Vergleichsgruppe: <strong>{`${c.group.label}, n = ${c.group.n}`}</strong>
      </p>
      <p className="meta">Vergleichsstand vom {formatDateTime(new Date(c.snapshot.publishedAt))}.</p>
      {c.snapshot.synthetic ? (
        <p className="notice" data-testid="synthetic-note">
          <strong>Synthetische Demodaten.</strong> {c.snapshot.note}
        </p>
      ) : null}

      <div className="peer-figures">
        <PeerFigure
          id="abdeckung"
          kind="share"
          title="Handlungsfelder: Anteil der Vergleichskommunen, die sie bearbeiten"
          rows={c.fields.map((f) => ({ label: f.title, peers: f.coverage, own: f.own.covered }))}
        />
        <PeerFigure
          id="massnahmen-je-feld"
          kind="quartiles"
          title="Maßnahmen je Handlungsfeld"
          rows={c.fields.map((f) => ({ label: f.title, peers: f.measures, own: f.own.measures }))}
        />
        <PeerFigure id="massnahmen" kind="quartiles" title="Maßnahmen insgesamt" rows={[{ label: "Maßnahmen", peers: c.measures.peers, own: c.measures.own }]} />
        <PeerFigure
          id="anteile"
          kind="quartiles"
          unit=" %"
          title="Anteil der Maßnahmen …"
          intro="Je Kommune der Anteil ihrer Maßnahmen; „mit Budget“ heißt: Sachkosten oder Förderung angegeben."
          rows={c.shares.map((s) => ({ label: s.label, peers: s.peers, own: s.own }))}
        />
        <PeerFigure
          id="finanzierung"
          kind="share"
          title="Finanzierungsmix nach Quelle"
          intro="Anteil jeder Quelle an der Förderung aller Vergleichskommunen zusammen."
          rows={c.funding.map((f) => ({ label: f.label, peers: f.peers, own: f.own }))}
        />
        <PeerFigure
          id="organisation"
          kind="share"
          title="Organisationsmodell"
          rows={c.orgModel.map((o) => ({ label: o.label, peers: o.peers, own: o.own }))}
        />
        <PeerFigure
          id="ausrichtung"
          kind="share"
          title="Ausrichtung auf die ganze Gesellschaft"
          rows={[{ label: "ganze Gesellschaft", peers: c.wholeSociety.peers, own: c.wholeSociety.own }]}
        />
        <PeerFigure
          id="alter"
          kind="quartiles"
          unit=" J."
          title="Alter des Konzepts und Turnus der Fortschreibung (Jahre)"
          rows={[
            { label: "Alter des Konzepts", peers: c.age.peers, own: c.age.own },
            { label: "Fortschreibung alle …", peers: c.updateCycle.peers, own: c.updateCycle.own },
          ]}
        />
      </div>
      <p className="meta" style={{ marginTop: "1.5rem" }}>
        Quellen: {DISTRICTS_ATTRIBUTION}. Kennzahlen der Demodaten nach der Befragung von 92 Kommunen von Schammann u. a. (2020).
      </p>
    </>
  );
}

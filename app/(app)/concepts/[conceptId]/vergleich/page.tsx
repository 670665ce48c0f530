import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { getTranslations } from "next-intl/server";
import type { useTranslations } from "next-intl";
import { pageActor } from "@/lib/auth/session";
import { requireConcept } from "@/lib/concepts/access";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { DISTRICTS_ATTRIBUTION } from "@/lib/peers/districts";
import { isGroupChoice, type GroupChoice } from "@/lib/peers/groups";
import { operatorStanding, operatorUnconfirmedMessage } from "@/lib/peers/operator";
import { comparePeers, readPeerConsent } from "@/lib/peers/service";
import type { Comparison } from "@/lib/peers/compare";
import { ConsentForm, PublishForm } from "@/components/peers/consent-form";
import { PeerFigure } from "@/components/peers/figure";
import { orNotFound } from "@/lib/http/page";
import type { Suppressed } from "@/lib/peers/anonymity";
import { requestDomainText } from "@/lib/i18n/domain-server";
import type { DomainText } from "@/lib/i18n/domain-text";
import { getLabels, getTemplateText } from "@/lib/i18n/server";
import type { Labels } from "@/lib/i18n/labels";
import type { TemplateText } from "@/lib/i18n/template";
import { withClientMessages } from "@/components/i18n/with-client-messages";

type Props = { params: Promise<{ conceptId: string }>; searchParams: Promise<{ gruppe?: string }> };

type T = ReturnType<typeof useTranslations<"peers">>;

async function load(conceptId: string) {
  const actor = await pageActor();
  return { actor, ...(await orNotFound(requireConcept(actor, conceptId, "peers.read"))) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { conceptId } = await params;
  const { concept } = await load(conceptId);
  const t = await getTranslations("peers");
  return { title: t("metaTitle", { title: concept.title }) };
}

export default withClientMessages(["peers"], async function PeerComparisonPage({ params, searchParams }: Props) {
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
  const operator = await operatorStanding(actor);
  const t = await getTranslations("peers");
  const [dt, labels, tt] = await Promise.all([requestDomainText(), getLabels(), getTemplateText()]);

  return (
    <>
      <div className="actions-row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: ".25rem" }}>{t("title")}</h1>
          <p className="meta">{concept.title}</p>
        </div>
        <div className="actions-row">
          <IntentLink className="button-secondary" href={`/concepts/${concept.id}/vergleich/bibliothek`}>
            {t("library")}
          </IntentLink>
          <IntentLink className="button-secondary" href={`/concepts/${concept.id}`}>
            {t("backToConcept")}
          </IntentLink>
        </div>
      </div>
      <p>{t("intro")}</p>

      {comparison ? (
        <Figures comparison={comparison} conceptId={concept.id} t={t} dt={dt} labels={labels} tt={tt} />
      ) : (
        <p className="notice">{t("noSnapshot")}</p>
      )}

      {consent ? (
        <section className="card" aria-labelledby="consent-h" style={{ marginTop: "1.5rem" }}>
          <h2 id="consent-h">{t("consentHeading")}</h2>
          <p>{t("consentIntro")}</p>
          <ConsentForm municipalityId={concept.municipalityId} contribute={consent.contribute} />
        </section>
      ) : null}

      {operator !== "none" ? (
        <section className="card" aria-labelledby="operator-h" style={{ marginTop: "1.5rem" }}>
          <h2 id="operator-h">{t("operatorHeading")}</h2>
          {operator === "operator" ? (
            <>
              <p className="meta">{t("operatorHint")}</p>
              <PublishForm />
            </>
          ) : (
            <p role="status">{dt(operatorUnconfirmedMessage())}</p>
          )}
        </section>
      ) : null}
    </>
  );
});

/** A withheld figure's reason in the UI language; the numbers themselves need no translation. */
function withheld<F extends { suppressed: boolean }>(f: F | Suppressed, dt: DomainText): F | Suppressed {
  return f.suppressed && "message" in f ? { ...f, message: dt(f.message) } : f;
}

function Figures({ comparison: c, conceptId, t, dt, labels, tt }: { comparison: Comparison; conceptId: string; t: T; dt: DomainText; labels: Labels; tt: TemplateText }) {
  const fieldTitle = (f: { key: string; title: string }) => tt.fieldTitle(f);
  return (
    <>
      <nav aria-label={t("groupNav")} className="peer-groups">
        <ul>
          {c.choices.map((g) => (
            <li key={g.choice}>
              <IntentLink
                href={`/concepts/${conceptId}/vergleich${g.choice === "own" ? "" : `?gruppe=${g.choice}`}`}
                aria-current={g.choice === c.group.choice ? "page" : undefined}
                className={g.choice === c.group.choice ? "button" : "button-secondary"}
              >
                {t(`choices.${g.choice}`)}
              </IntentLink>
            </li>
          ))}
        </ul>
      </nav>
      <p className="peer-group-label" data-testid="peer-group">
        {t("group")} <strong>{`${dt(c.group.label)}, n = ${c.group.n}`}</strong>
      </p>
      <p className="meta">{t("snapshotOf", { date: formatDateTime(new Date(c.snapshot.publishedAt)) })}</p>
      {c.snapshot.synthetic ? (
        <p className="notice" data-testid="synthetic-note">
          <strong>{t("synthetic")}</strong> {c.snapshot.note ? dt(c.snapshot.note) : null}
        </p>
      ) : null}

      <div className="peer-figures">
        <PeerFigure
          id="abdeckung"
          kind="share"
          title={t("figures.coverage")}
          rows={c.fields.map((f) => ({ label: fieldTitle(f), peers: withheld(f.coverage, dt), own: f.own.covered }))}
        />
        <PeerFigure
          id="massnahmen-je-feld"
          kind="quartiles"
          title={t("figures.measuresPerField")}
          rows={c.fields.map((f) => ({ label: fieldTitle(f), peers: withheld(f.measures, dt), own: f.own.measures }))}
        />
        <PeerFigure
          id="massnahmen"
          kind="quartiles"
          title={t("figures.measuresTotal")}
          rows={[{ label: t("figures.measures"), peers: withheld(c.measures.peers, dt), own: c.measures.own }]}
        />
        <PeerFigure
          id="anteile"
          kind="quartiles"
          unit=" %"
          title={t("figures.shares")}
          intro={t("figures.sharesIntro")}
          rows={c.shares.map((s) => ({ label: dt(s.label), peers: withheld(s.peers, dt), own: s.own }))}
        />
        <PeerFigure
          id="finanzierung"
          kind="share"
          title={t("figures.funding")}
          intro={t("figures.fundingIntro")}
          rows={c.funding.map((f) => ({ label: labels.fundingSources[f.source] ?? f.label, peers: withheld(f.peers, dt), own: f.own }))}
        />
        <PeerFigure
          id="organisation"
          kind="share"
          title={t("figures.orgModel")}
          rows={c.orgModel.map((o) => ({ label: o.key === "none" ? t("figures.noAnswer") : (labels.orgModels[o.key] ?? o.label), peers: withheld(o.peers, dt), own: o.own }))}
        />
        <PeerFigure
          id="ausrichtung"
          kind="share"
          title={t("figures.wholeSociety")}
          rows={[{ label: t("figures.wholeSocietyRow"), peers: withheld(c.wholeSociety.peers, dt), own: c.wholeSociety.own }]}
        />
        <PeerFigure
          id="alter"
          kind="quartiles"
          unit={t("figures.yearsUnit")}
          title={t("figures.age")}
          rows={[
            { label: t("figures.ageRow"), peers: withheld(c.age.peers, dt), own: c.age.own },
            { label: t("figures.updateCycleRow"), peers: withheld(c.updateCycle.peers, dt), own: c.updateCycle.own },
          ]}
        />
      </div>
      <p className="meta" style={{ marginTop: "1.5rem" }}>
        {t("sources", { attribution: DISTRICTS_ATTRIBUTION })}
      </p>
    </>
  );
}

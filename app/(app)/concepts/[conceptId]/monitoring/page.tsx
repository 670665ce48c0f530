import type { Metadata } from "next";
import Link from "next/link";
import { pageActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { requireConcept } from "@/lib/concepts/access";
import { orNotFound } from "@/lib/http/page";
import { STATUS_LABELS } from "@/lib/measures/labels";
import { readMonitoring } from "@/lib/monitoring/service";
import type { MonitoringField, MonitoringIndicator, MonitoringMeasure, MonitoringReport, MonitoringSummary } from "@/lib/monitoring/report";
import { formatDay, indicatorSummary, progressText, valueText } from "@/lib/monitoring/text";
import { YEAR_STATUS_LABELS, YEAR_STATUSES } from "@/lib/monitoring/year-status";
import { ProgressChart } from "@/components/monitoring/progress-chart";
import { ClearYearStatusButton, DeleteValueButton, ValueForm, YearStatusForm } from "@/components/monitoring/forms";
import { KeyFigureSection } from "@/components/key-figures/key-figure-table";
import { readKeyFigures } from "@/lib/key-figures/service";

type Props = { params: Promise<{ conceptId: string }>; searchParams: Promise<{ feld?: string }> };

async function load(conceptId: string) {
  const actor = await pageActor();
  return { actor, ...(await orNotFound(requireConcept(actor, conceptId, "concept.read"))) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { conceptId } = await params;
  const { concept } = await load(conceptId);
  return { title: `Monitoring – ${concept.title}` };
}

/**
 * Controlling of the own measures: per field of action (?feld=<key>) or for the
 * whole concept, each measure with its yearly implementation status and each
 * indicator with its Ist-Werte, progress, chart and table. Editors and admins
 * record here, also after adoption; everyone else reads.
 */
export default async function MonitoringPage({ params, searchParams }: Props) {
  const { conceptId } = await params;
  const { feld } = await searchParams;
  const { actor, concept, role } = await load(conceptId);
  const all = await readMonitoring(actor, { conceptId });
  const fieldKey = feld && all.fields.some((f) => f.key === feld) ? feld : undefined;
  const report = fieldKey ? await readMonitoring(actor, { conceptId, fieldKey }) : all;
  const keyFigures = fieldKey ? [] : await readKeyFigures(actor, { conceptId });
  const canRecord = can(role, "monitoring.record") && !concept.archivedAt;
  const base = `/concepts/${concept.id}/monitoring`;

  return (
    <>
      <div className="actions-row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: ".25rem" }}>Monitoring</h1>
          <p className="meta">{concept.title}</p>
        </div>
        <div className="actions-row">
          <a className="button-secondary" href={`/api/concepts/${concept.id}/sachstandsbericht.pdf`} data-testid="sachstandsbericht-link">
            Sachstandsbericht (PDF)
          </a>
          <Link className="button-secondary" href={`/concepts/${concept.id}`}>
            Zurück zum Konzept
          </Link>
        </div>
      </div>
      <p>
        Controlling der eigenen Maßnahmen: je Maßnahme der Umsetzungsstand Jahr für Jahr, je Indikator die Ist-Werte und der Fortschritt vom
        Basiswert zum Zielwert. {concept.archivedAt
          ? "Das Konzept ist archiviert: es wird nichts mehr erfasst."
          : canRecord
            ? "Redaktion und Leitung erfassen hier, auch nach dem Beschluss."
            : "Erfassen können Redaktion und Leitung."}
      </p>
      <nav aria-label="Ansicht" className="peer-groups">
        <ul>
          <li>
            <Link href={base} aria-current={fieldKey ? undefined : "page"}>
              Gesamtes Konzept
            </Link>
          </li>
          {all.fields.map((f) => (
            <li key={f.key}>
              <Link href={`${base}?feld=${encodeURIComponent(f.key)}`} aria-current={fieldKey === f.key ? "page" : undefined}>
                {f.number} {f.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Summary summary={report.summary} />
      <ForUpdate update={report.update} />
      {fieldKey ? null : <KeyFigureSection conceptId={concept.id} lines={keyFigures} canRecord={canRecord} thisYear={Number(report.today.slice(0, 4))} />}
      {report.fields.map((f) => (
        <FieldBlock key={f.id} field={f} conceptId={concept.id} canRecord={canRecord} today={report.today} />
      ))}
    </>
  );
}

function Summary({ summary }: { summary: MonitoringSummary }) {
  return (
    <section className="card" aria-labelledby="summary-h" data-testid="monitoring-summary">
      <h2 id="summary-h">Überblick</h2>
      <p>
        {summary.measures} {summary.measures === 1 ? "Maßnahme" : "Maßnahmen"}; Umsetzungsstand {summary.year}:{" "}
        {YEAR_STATUSES.map((s) => `${summary.byStatus[s]} ${YEAR_STATUS_LABELS[s]}`).join(", ")}, {summary.byStatus.none} ohne Angabe.
      </p>
      <p>
        {summary.indicators} {summary.indicators === 1 ? "Indikator" : "Indikatoren"}, davon {summary.withValues} mit Ist-Werten; {summary.numeric} mit Zahlen für Basis und Ziel, davon{" "}
        {summary.reached} am Ziel und {summary.missed} noch nicht.
      </p>
    </section>
  );
}

/** What a Fortschreibung has to deal with: ended measures and indicators that missed their target (values carry over into the new draft). */
function ForUpdate({ update }: { update: MonitoringReport["update"] }) {
  return (
    <section className="card" aria-labelledby="update-h" data-testid="monitoring-update" style={{ marginTop: "1rem" }}>
      <h2 id="update-h">Für die Fortschreibung</h2>
      <p className="meta">
        Eine Fortschreibung ist ein neuer Entwurf desselben Konzepts: Maßnahmen, Ziele und alle Ist-Werte gehen mit. Zu klären sind:
      </p>
      <h3>Beendete Maßnahmen ({update.ended.length})</h3>
      {update.ended.length ? (
        <ul data-testid="update-ended">
          {update.ended.map((m) => (
            <li key={m.measureId}>
              <a href={`#m-${m.measureId}`}>
                <bdi>
                  {m.label} {m.title}
                </bdi>
              </a>{" "}
              – {m.why}
            </li>
          ))}
        </ul>
      ) : (
        <p>Keine.</p>
      )}
      <h3>Indikatoren, die ihr Ziel (noch) nicht erreicht haben ({update.missed.length})</h3>
      {update.missed.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Indikatoren unter ihrem Ziel">
          <table className="table" data-testid="update-missed">
            <thead>
              <tr>
                <th scope="col">Maßnahme</th>
                <th scope="col">Indikator</th>
                <th scope="col">Basis → Ziel</th>
                <th scope="col">Letzter Ist-Wert</th>
                <th scope="col">Fortschritt</th>
              </tr>
            </thead>
            <tbody>
              {update.missed.map((x) => (
                <tr key={`${x.measureId}/${x.indicatorId}`}>
                  <td>
                    <bdi>{x.label}</bdi>
                  </td>
                  <td>
                    <bdi>{x.name}</bdi>
                  </td>
                  <td>
                    <bdi>{x.range}</bdi>
                  </td>
                  <td>
                    <bdi>{x.latest}</bdi>
                  </td>
                  <td>{x.progress}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Keine.</p>
      )}
    </section>
  );
}

function FieldBlock({ field, conceptId, canRecord, today }: { field: MonitoringField; conceptId: string; canRecord: boolean; today: string }) {
  return (
    <section aria-labelledby={`field-${field.key}`} className="monitoring-field">
      <h2 id={`field-${field.key}`}>
        {field.number} {field.title}
      </h2>
      {field.measures.length === 0 ? <p className="meta">Keine Maßnahmen in diesem Handlungsfeld.</p> : null}
      {field.measures.map((m) => (
        <MeasureBlock key={m.id} measure={m} conceptId={conceptId} canRecord={canRecord} today={today} />
      ))}
    </section>
  );
}

function MeasureBlock({ measure: m, conceptId, canRecord, today }: { measure: MonitoringMeasure; conceptId: string; canRecord: boolean; today: string }) {
  const heading = `${m.label} ${m.title}`;
  const current = Object.fromEntries(m.yearStatuses.map((y) => [y.year, { status: y.status, note: y.note }]));
  return (
    <article className="card monitoring-measure" aria-labelledby={`m-${m.id}`} data-testid="monitoring-measure">
      <h3 id={`m-${m.id}`}>
        <bdi>{heading}</bdi>
      </h3>
      <p className="meta">
        Status: {STATUS_LABELS[m.status]}
        {m.startDate || m.endDate ? ` · Zeitraum: ${m.startDate ? formatDay(m.startDate) : "offen"} – ${m.endDate ? formatDay(m.endDate) : "offen"}` : ""}
        {m.ended ? " · beendet" : ""}
      </p>
      <h4>Umsetzungsstand</h4>
      {m.yearStatuses.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={`Umsetzungsstand: ${heading}`}>
          <table className="table" data-testid="year-status-table">
            <caption className="visually-hidden">Umsetzungsstand je Jahr: {heading}</caption>
            <thead>
              <tr>
                <th scope="col">Jahr</th>
                <th scope="col">Stand</th>
                <th scope="col">Anmerkung</th>
                <th scope="col">Eingetragen von</th>
                {canRecord ? <th scope="col">Aktion</th> : null}
              </tr>
            </thead>
            <tbody>
              {m.yearStatuses.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td className={`year-status-${y.status}`}>{YEAR_STATUS_LABELS[y.status]}</td>
                  <td>
                    <bdi>{y.note}</bdi>
                  </td>
                  <td>{y.by ?? "–"}</td>
                  {canRecord ? (
                    <td>
                      <ClearYearStatusButton conceptId={conceptId} measureId={m.id} year={y.year} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="meta">Noch kein Umsetzungsstand eingetragen.</p>
      )}
      {canRecord && m.years.length ? <YearStatusForm conceptId={conceptId} measureId={m.id} measureLabel={heading} years={m.years} current={current} /> : null}
      {m.indicators.length === 0 ? <p className="meta">Diese Maßnahme hat keinen Indikator.</p> : null}
      {m.indicators.map((x) => (
        <IndicatorBlock key={x.id} indicator={x} measureId={m.id} conceptId={conceptId} canRecord={canRecord} today={today} />
      ))}
    </article>
  );
}

function IndicatorBlock(props: { indicator: MonitoringIndicator; measureId: string; conceptId: string; canRecord: boolean; today: string }) {
  const x = props.indicator;
  const summary = indicatorSummary(x);
  const chartId = `chart-${props.measureId.slice(0, 8)}-${x.id.slice(0, 8)}`;
  return (
    <section className="monitoring-indicator" aria-label={`Indikator ${x.name}`} data-testid="monitoring-indicator">
      <h4>
        Indikator: <bdi>{x.name}</bdi>
      </h4>
      <p className="meta">
        Basiswert {x.baseline || "–"} → Zielwert {x.target || "–"}
        {x.unit ? ` (${x.unit})` : ""}
        {x.dataSource ? ` · Datenquelle: ${x.dataSource}` : ""}
        {x.cadence ? ` · ${x.cadence}` : ""}
      </p>
      <p>
        <strong data-testid="indicator-progress">Fortschritt: {progressText(x.progress)}</strong>
      </p>
      {x.progress.kind === "numeric" && x.progress.percent !== null ? (
        <meter min={0} max={100} value={x.progress.percent} aria-label={`Fortschritt ${x.name}`}>
          {x.progress.percent} %
        </meter>
      ) : null}
      <p className="peer-summary">{summary}</p>
      <ProgressChart id={chartId} indicator={x} summary={summary} />
      {x.values.length ? (
        <details className="peer-table" open={x.values.length <= 3}>
          <summary>Als Tabelle anzeigen: Ist-Werte {x.name}</summary>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`Ist-Werte: ${x.name}`}>
            <table className="table" data-testid="values-table">
              <thead>
                <tr>
                  <th scope="col">Stichtag</th>
                  <th scope="col">Wert</th>
                  <th scope="col">Quelle</th>
                  <th scope="col">Anmerkung</th>
                  <th scope="col">Erfasst von</th>
                  {props.canRecord ? <th scope="col">Aktion</th> : null}
                </tr>
              </thead>
              <tbody>
                {x.values.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">{formatDay(v.observedOn)}</th>
                    <td className="num">
                      <bdi>{valueText(v, x.unit)}</bdi>
                    </td>
                    <td>
                      <bdi>{v.source}</bdi>
                    </td>
                    <td>
                      <bdi>{v.note}</bdi>
                    </td>
                    <td>{v.by ?? "–"}</td>
                    {props.canRecord ? (
                      <td>
                        <DeleteValueButton conceptId={props.conceptId} valueId={v.id} label={`${formatDay(v.observedOn)} ${valueText(v, x.unit)}`} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      {props.canRecord ? (
        <ValueForm
          conceptId={props.conceptId}
          measureId={props.measureId}
          indicatorId={x.id}
          indicatorName={x.name}
          numeric={x.numeric}
          unit={x.unit}
          today={props.today}
          source={x.dataSource}
        />
      ) : null}
    </section>
  );
}

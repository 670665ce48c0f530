import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { getTranslations } from "next-intl/server";
import { getLabels, getTemplateText } from "@/lib/i18n/server";
import type { TemplateText } from "@/lib/i18n/template";
import { requestDomainText } from "@/lib/i18n/domain-server";
import type { DomainText } from "@/lib/i18n/domain-text";
import { pageActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { requireConcept } from "@/lib/concepts/access";
import { orNotFound } from "@/lib/http/page";
import { readMonitoring } from "@/lib/monitoring/service";
import type { MonitoringField, MonitoringIndicator, MonitoringMeasure, MonitoringReport, MonitoringSummary } from "@/lib/monitoring/report";
import { formatDay, progressText, valueText } from "@/lib/monitoring/text";
import { YEAR_STATUSES } from "@/lib/monitoring/year-status";
import { ProgressChart } from "@/components/monitoring/progress-chart";
import { ClearYearStatusButton, DeleteValueButton, ValueForm, YearStatusForm } from "@/components/monitoring/forms";
import { KeyFigureSection } from "@/components/key-figures/key-figure-table";
import { readKeyFigures } from "@/lib/key-figures/service";
import { withClientMessages } from "@/components/i18n/with-client-messages";

type Props = { params: Promise<{ conceptId: string }>; searchParams: Promise<{ feld?: string }> };

async function load(conceptId: string) {
  const actor = await pageActor();
  return { actor, ...(await orNotFound(requireConcept(actor, conceptId, "concept.read"))) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { conceptId } = await params;
  const { concept } = await load(conceptId);
  const t = await getTranslations("monitoring");
  return { title: t("metaTitle", { title: concept.title }) };
}

/**
 * Controlling of the own measures: per field of action (?feld=<key>) or for the
 * whole concept, each measure with its yearly implementation status and each
 * indicator with its Ist-Werte, progress, chart and table. Editors and admins
 * record here, also after adoption; everyone else reads.
 */
export default withClientMessages(["labels", "monitoring"], async function MonitoringPage({ params, searchParams }: Props) {
  const { conceptId } = await params;
  const { feld } = await searchParams;
  const { actor, concept, role } = await load(conceptId);
  const all = await readMonitoring(actor, { conceptId });
  const fieldKey = feld && all.fields.some((f) => f.key === feld) ? feld : undefined;
  const report = fieldKey ? await readMonitoring(actor, { conceptId, fieldKey }) : all;
  const keyFigures = fieldKey ? [] : await readKeyFigures(actor, { conceptId });
  const canRecord = can(role, "monitoring.record") && !concept.archivedAt;
  const base = `/concepts/${concept.id}/monitoring`;
  const t = await getTranslations("monitoring");
  const ctx: Ctx = { t, labels: await getLabels(), dt: await requestDomainText(), tt: await getTemplateText() };

  return (
    <>
      <div className="actions-row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: ".25rem" }}>{t("title")}</h1>
          <p className="meta">{concept.title}</p>
        </div>
        <div className="actions-row">
          <a className="button-secondary" href={`/api/concepts/${concept.id}/sachstandsbericht.pdf`} data-testid="sachstandsbericht-link">
            {t("sachstandLink")}
          </a>
          <IntentLink className="button-secondary" href={`/concepts/${concept.id}`}>
            {t("back")}
          </IntentLink>
        </div>
      </div>
      <p>
        {t("intro")} {concept.archivedAt ? t("introArchived") : canRecord ? t("introCanRecord") : t("introReadOnly")}
      </p>
      <nav aria-label={t("navLabel")} className="peer-groups">
        <ul>
          <li>
            <IntentLink href={base} aria-current={fieldKey ? undefined : "page"}>
              {t("wholeConcept")}
            </IntentLink>
          </li>
          {all.fields.map((f) => (
            <li key={f.key}>
              <IntentLink href={`${base}?feld=${encodeURIComponent(f.key)}`} aria-current={fieldKey === f.key ? "page" : undefined}>
                {f.number} <bdi>{ctx.tt.fieldTitle(f)}</bdi>
              </IntentLink>
            </li>
          ))}
        </ul>
      </nav>
      <Summary summary={report.summary} ctx={ctx} />
      <ForUpdate update={report.update} ctx={ctx} />
      {fieldKey ? null : <KeyFigureSection conceptId={concept.id} lines={keyFigures} canRecord={canRecord} thisYear={Number(report.today.slice(0, 4))} />}
      {report.fields.map((f) => (
        <FieldBlock key={f.id} field={f} conceptId={concept.id} canRecord={canRecord} today={report.today} ctx={ctx} />
      ))}
    </>
  );
});

type Ctx = { t: Awaited<ReturnType<typeof getTranslations<"monitoring">>>; labels: Awaited<ReturnType<typeof getLabels>>; dt: DomainText; tt: TemplateText };

function Summary({ summary, ctx: { t, labels } }: { summary: MonitoringSummary; ctx: Ctx }) {
  return (
    <section className="card" aria-labelledby="summary-h" data-testid="monitoring-summary">
      <h2 id="summary-h">{t("summaryTitle")}</h2>
      <p>
        {t("summaryMeasures", {
          count: summary.measures,
          year: String(summary.year),
          statuses: YEAR_STATUSES.map((s) => `${summary.byStatus[s]} ${labels.yearStatuses[s]}`).join(", "),
          none: summary.byStatus.none,
          notRunning: summary.notRunning,
        })}
      </p>
      <p>
        {t("summaryIndicators", { count: summary.indicators, withValues: summary.withValues, numeric: summary.numeric, reached: summary.reached, behind: summary.behind, unmeasured: summary.unmeasured })}
      </p>
    </section>
  );
}

/** What a Fortschreibung has to deal with: ended measures and indicators that missed their target (values carry over into the new draft). */
function ForUpdate({ update, ctx: { t, dt } }: { update: MonitoringReport["update"]; ctx: Ctx }) {
  return (
    <section className="card" aria-labelledby="update-h" data-testid="monitoring-update" style={{ marginTop: "1rem" }}>
      <h2 id="update-h">{t("updateTitle")}</h2>
      <p className="meta">{t("updateIntro")}</p>
      <h3>{t("updateEnded", { count: update.ended.length })}</h3>
      {update.ended.length ? (
        <ul data-testid="update-ended">
          {update.ended.map((m) => (
            <li key={m.measureId}>
              <a href={`#m-${m.measureId}`}>
                <bdi>
                  {m.label} {m.title}
                </bdi>
              </a>{" "}
              – {dt(m.why)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("none")}</p>
      )}
      <h3>{t("updateMissed", { count: update.missed.length })}</h3>
      {update.missed.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("updateMissedRegion")}>
          <table className="table" data-testid="update-missed">
            <thead>
              <tr>
                <th scope="col">{t("colMeasure")}</th>
                <th scope="col">{t("colIndicator")}</th>
                <th scope="col">{t("colRange")}</th>
                <th scope="col">{t("colLatest")}</th>
                <th scope="col">{t("colProgress")}</th>
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
                    <bdi>{x.latestParts ? t("latestOn", { value: x.latestParts.value, date: x.latestParts.day }) : t("noLatest")}</bdi>
                  </td>
                  <td>{dt(x.progress)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("none")}</p>
      )}
    </section>
  );
}

function FieldBlock({ field, conceptId, canRecord, today, ctx }: { field: MonitoringField; conceptId: string; canRecord: boolean; today: string; ctx: Ctx }) {
  return (
    <section aria-labelledby={`field-${field.key}`} className="monitoring-field">
      <h2 id={`field-${field.key}`}>
        {field.number} <bdi>{ctx.tt.fieldTitle(field)}</bdi>
      </h2>
      {field.measures.length === 0 ? <p className="meta">{ctx.t("noMeasures")}</p> : null}
      {field.measures.map((m) => (
        <MeasureBlock key={m.id} measure={m} conceptId={conceptId} canRecord={canRecord} today={today} ctx={ctx} />
      ))}
    </section>
  );
}

function MeasureBlock({ measure: m, conceptId, canRecord, today, ctx }: { measure: MonitoringMeasure; conceptId: string; canRecord: boolean; today: string; ctx: Ctx }) {
  const { t, labels } = ctx;
  const heading = `${m.label} ${m.title}`;
  const current = Object.fromEntries(m.yearStatuses.map((y) => [y.year, { status: y.status, note: y.note }]));
  return (
    <article className="card monitoring-measure" aria-labelledby={`m-${m.id}`} data-testid="monitoring-measure">
      <h3 id={`m-${m.id}`}>
        <bdi>{heading}</bdi>
      </h3>
      <p className="meta">
        {t("measureStatus", { status: labels.statuses[m.status] })}
        {m.startDate || m.endDate
          ? t("measurePeriod", { from: m.startDate ? formatDay(m.startDate) : t("open"), until: m.endDate ? formatDay(m.endDate) : t("open") })
          : ""}
        {m.ended ? t("measureEnded") : ""}
      </p>
      <h4>{t("yearStatus")}</h4>
      {m.yearStatuses.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("yearStatusRegion", { measure: heading })}>
          <table className="table" data-testid="year-status-table">
            <caption className="visually-hidden">{t("yearStatusCaption", { measure: heading })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("colYear")}</th>
                <th scope="col">{t("colState")}</th>
                <th scope="col">{t("colNote")}</th>
                <th scope="col">{t("colSetBy")}</th>
                {canRecord ? <th scope="col">{t("colAction")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {m.yearStatuses.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td className={`year-status-${y.status}`}>{labels.yearStatuses[y.status]}</td>
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
        <p className="meta">{t("noYearStatus")}</p>
      )}
      {canRecord && m.years.length ? <YearStatusForm conceptId={conceptId} measureId={m.id} measureLabel={heading} years={m.years} current={current} /> : null}
      {m.indicators.length === 0 ? <p className="meta">{t("noIndicator")}</p> : null}
      {m.indicators.map((x) => (
        <IndicatorBlock key={x.id} indicator={x} measureId={m.id} conceptId={conceptId} canRecord={canRecord} today={today} ctx={ctx} />
      ))}
    </article>
  );
}

function IndicatorBlock(props: { indicator: MonitoringIndicator; measureId: string; conceptId: string; canRecord: boolean; today: string; ctx: Ctx }) {
  const x = props.indicator;
  const { t, dt } = props.ctx;
  const summary = summaryText(x, props.ctx);
  const chartId = `chart-${props.measureId.slice(0, 8)}-${x.id.slice(0, 8)}`;
  return (
    <section className="monitoring-indicator" aria-label={t("indicatorLabel", { name: x.name })} data-testid="monitoring-indicator">
      <h4>
        {t("indicatorPrefix")} <bdi>{x.name}</bdi>
      </h4>
      <p className="meta">
        {t("indicatorRange", { baseline: x.baseline || "–", target: x.target || "–" })}
        {x.unit ? ` (${x.unit})` : ""}
        {x.dataSource ? t("indicatorSource", { source: x.dataSource }) : ""}
        {x.cadence ? ` · ${x.cadence}` : ""}
      </p>
      <p>
        <strong data-testid="indicator-progress">{t("progress", { progress: dt(progressText(x.progress)) })}</strong>
      </p>
      {x.progress.kind === "numeric" && x.progress.percent !== null ? (
        <meter min={0} max={100} value={x.progress.percent} aria-label={t("meterLabel", { name: x.name })}>
          {x.progress.percent} %
        </meter>
      ) : null}
      <p className="peer-summary">{summary}</p>
      <ProgressChart id={chartId} indicator={x} summary={summary} words={{ title: t("chartTitle", { name: x.name }), baseline: t("chartBaseline"), target: t("chartTarget") }} />
      {x.values.length ? (
        <details className="peer-table" open={x.values.length <= 3}>
          <summary>{t("showTable", { name: x.name })}</summary>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("valuesRegion", { name: x.name })}>
            <table className="table" data-testid="values-table">
              <thead>
                <tr>
                  <th scope="col">{t("colDay")}</th>
                  <th scope="col">{t("colValue")}</th>
                  <th scope="col">{t("colSource")}</th>
                  <th scope="col">{t("colNote")}</th>
                  <th scope="col">{t("colRecordedBy")}</th>
                  {props.canRecord ? <th scope="col">{t("colAction")}</th> : null}
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

/** The chart's text summary in the UI language: the same sentence lib/monitoring/text.ts indicatorSummary writes for the (German) Sachstandsbericht. */
function summaryText(x: MonitoringIndicator, { t, dt }: Ctx): string {
  const unit = x.unit.trim();
  const latest = x.values[x.values.length - 1];
  const first = x.values[0];
  const head = !latest
    ? t("summaryNone", { name: x.name })
    : x.values.length > 1
      ? t("summaryMany", { name: x.name, count: x.values.length, from: formatDay(first!.observedOn), until: formatDay(latest.observedOn), value: valueText(latest, unit), date: formatDay(latest.observedOn) })
      : t("summaryOne", { name: x.name, value: valueText(latest, unit), date: formatDay(latest.observedOn) });
  const range =
    x.progress.kind === "numeric"
      ? t(x.progress.direction === "decrease" ? "summaryRangeDecrease" : "summaryRange", { baseline: x.baseline, target: x.target })
      : null;
  const state = latest ? t("summaryState", { progress: dt(progressText(x.progress)) }) : null;
  return [head, range, state].filter(Boolean).join(" ");
}

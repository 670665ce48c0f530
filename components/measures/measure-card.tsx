import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { UserList } from "@/components/ui/user-list";
import { plainText } from "@/lib/editor/document";
import { useLabels } from "@/lib/i18n/hooks";
import { formatDate, formatEuro, formatFte } from "@/lib/measures/labels";
import type { MeasureView } from "@/lib/measures/view";
import type { MeasuresT, SubGoalOption } from "./measure-types";

/** The read-only card of a measure: facts, description, funding and indicator tables; `actions` for editors. */
export function MeasureCard({ id, measure: m, label, subGoals, actions }: { id: string; measure: MeasureView; label: string; subGoals: SubGoalOption[]; actions: ReactNode }) {
  const linked = subGoals.map((g, index) => ({ ...g, number: index + 1 })).filter((g) => m.subGoalIds.includes(g.id));
  const fundingTotal = m.fundingLines.reduce((sum, f) => sum + f.amountCents, 0);
  const hasDescription = plainText(m.description).trim() !== "";
  const t = useTranslations("measures");
  const labels = useLabels();
  return (
    <article className="card measure-card" data-testid="measure-card" id={id} aria-labelledby={`${id}-title`}>
      <header className="measure-card-head">
        {/* Outside the heading: the card's accessible name stays its title. */}
        <span className="measure-label" data-testid="measure-label">
          <bdi>{label}</bdi>
        </span>
        <h5 id={`${id}-title`}>
          <bdi>{m.title}</bdi>
        </h5>
        <span className={`measure-badge measure-badge-${m.status}`}>{labels.statuses[m.status]}</span>
      </header>
      {m.origin ? (
        <p className="meta measure-origin" data-testid="measure-origin">
          {t("origin", { date: formatDate(m.origin.takenOn) })}
        </p>
      ) : null}
      <dl className="measure-facts">
        <Fact term={t("status")}>{labels.statuses[m.status]}</Fact>
        <Fact term={t("leadOffice")}>{m.leadOffice ? <bdi>{m.leadOffice}</bdi> : null}</Fact>
        <Fact term={t("period")}>{period(t, m.startDate, m.endDate)}</Fact>
        <Fact term={t("priority")}>{labels.priorities[m.priority]}</Fact>
        <Fact term={t("taskType")}>{labels.taskTypes[m.taskType]}</Fact>
        <Fact term={t("staff")}>{formatFte(m.staffFte)}</Fact>
        <Fact term={t("staffCostRateShort")}>{m.staffCostPerFteCents === null ? "" : formatEuro(m.staffCostPerFteCents)}</Fact>
        <Fact term={t("materialCost")}>{m.materialCostCents === null ? "" : formatEuro(m.materialCostCents)}</Fact>
        <Fact term={t("targetGroups")}>
          {m.targetGroups.length ? <UserList items={m.targetGroups} className="measure-inline-list" /> : null}
        </Fact>
        <Fact term={t("partners")}>
          {m.partners.length ? <UserList items={m.partners} className="measure-inline-list" /> : null}
        </Fact>
        <Fact term={t("subGoals")}>
          {linked.length ? (
            <ul className="measure-inline-list">
              {linked.map((g) => (
                <li key={g.id}>{t("subGoalItem", { number: g.number, text: g.text })}</li>
              ))}
            </ul>
          ) : null}
        </Fact>
      </dl>
      {hasDescription ? (
        <div className="measure-description">
          <div className="rich-text">
            {/* static HTML from the server: a card needs no editor (its code loads only when a form opens) */}
            <div
              id={`${id}-description`}
              className="rich-static"
              role="textbox"
              aria-multiline="true"
              aria-readonly="true"
              aria-label={t("descriptionOf", { title: m.title })}
              dangerouslySetInnerHTML={{ __html: m.descriptionHtml }}
            />
          </div>
        </div>
      ) : null}
      {m.fundingLines.length ? (
        <div className="measure-table-wrap" tabIndex={0} role="region" aria-label={`${t("fundingLines")}: ${m.title}`} /* focusable: keyboard users can scroll a wide table */>
          <table className="table measure-table">
            <caption>{t("fundingLines")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("source")}</th>
                <th scope="col">{t("programme")}</th>
                <th scope="col" className="num">
                  {t("amount")}
                </th>
                <th scope="col">{t("until")}</th>
              </tr>
            </thead>
            <tbody>
              {m.fundingLines.map((f, i) => (
                <tr key={i}>
                  <td>{labels.fundingSources[f.source]}</td>
                  <td>{f.programme || <Empty />}</td>
                  <td className="num">{formatEuro(f.amountCents)}</td>
                  <td>{f.until ? formatDate(f.until) : <Empty />}</td>
                </tr>
              ))}
            </tbody>
            {m.fundingLines.length > 1 ? (
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t("total")}
                  </th>
                  <td className="num">{formatEuro(fundingTotal)}</td>
                  <td />
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      ) : null}
      {m.indicators.length ? (
        <div className="measure-table-wrap" tabIndex={0} role="region" aria-label={`${t("indicators")}: ${m.title}`}>
          <table className="table measure-table">
            <caption>{t("indicators")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("indicator")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("unit")}</th>
                <th scope="col">{t("baselineToTarget")}</th>
                <th scope="col">{t("dataSource")}</th>
                <th scope="col">{t("cadenceShort")}</th>
              </tr>
            </thead>
            <tbody>
              {m.indicators.map((ind, i) => (
                <tr key={i}>
                  <td>
                    <bdi>{ind.name}</bdi>
                  </td>
                  <td>{labels.indicatorKinds[ind.kind]}</td>
                  <td>{ind.unit || <Empty />}</td>
                  <td>
                    {ind.baseline || "–"} → {ind.target || "–"}
                  </td>
                  <td>{ind.dataSource || <Empty />}</td>
                  <td>{ind.cadence || <Empty />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {actions}
    </article>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === "";
  return (
    <div className="measure-fact">
      <dt>{term}</dt>
      <dd>{empty ? <Empty /> : children}</dd>
    </div>
  );
}

/** Start and end of a measure as one phrase ("01.03.2026 – 31.12.2027", "ab …", "bis …"); dates stay German. */
function period(t: MeasuresT, startDate: string | null, endDate: string | null): string {
  if (startDate && endDate) return t("periodRange", { start: formatDate(startDate), end: formatDate(endDate) });
  if (startDate) return t("periodFrom", { start: formatDate(startDate) });
  if (endDate) return t("periodUntil", { end: formatDate(endDate) });
  return "";
}

function Empty() {
  const t = useTranslations("measures");
  return <span className="measure-empty">{t("notGiven")}</span>;
}

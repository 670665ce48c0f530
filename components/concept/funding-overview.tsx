import type { FundingOverview as Overview } from "@/lib/concepts/funding";
import { FUNDING_SOURCE_LABELS, TASK_TYPE_LABELS, formatEuro } from "@/lib/measures/labels";

const fte = (n: number) => n.toLocaleString("de-DE", { maximumFractionDigits: 2 });

/** Chapter 7's derived overview: funding by source and costs by task type, from the measures. */
export function FundingOverview({ overview }: { overview: Overview }) {
  if (overview.measures === 0) {
    return <p className="meta">Die Übersicht entsteht aus den Maßnahmen; es ist noch keine Maßnahme erfasst.</p>;
  }
  return (
    <div className="funding-overview" data-testid="funding-overview">
      <table className="table">
        <caption>Förderung nach Quelle (aus {overview.measures} Maßnahmen)</caption>
        <thead>
          <tr>
            <th scope="col">Quelle</th>
            <th scope="col">Förderlinien</th>
            <th scope="col">Betrag</th>
          </tr>
        </thead>
        <tbody>
          {overview.bySource.map((s) => (
            <tr key={s.source}>
              <th scope="row">{FUNDING_SOURCE_LABELS[s.source]}</th>
              <td>{s.lines}</td>
              <td>{formatEuro(s.cents)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Summe</th>
            <td>{overview.bySource.reduce((a, s) => a + s.lines, 0)}</td>
            <td>{formatEuro(overview.fundingTotalCents)}</td>
          </tr>
        </tbody>
      </table>
      <table className="table" style={{ marginTop: "1rem" }}>
        <caption>Maßnahmen nach Aufgabenart</caption>
        <thead>
          <tr>
            <th scope="col">Aufgabenart</th>
            <th scope="col">Maßnahmen</th>
            <th scope="col">Sachkosten pro Jahr</th>
            <th scope="col">Personal (VZÄ)</th>
          </tr>
        </thead>
        <tbody>
          {overview.byTaskType.map((t) => (
            <tr key={t.taskType}>
              <th scope="row">{TASK_TYPE_LABELS[t.taskType]}</th>
              <td>{t.measures}</td>
              <td>{formatEuro(t.materialCostCents)}</td>
              <td>{fte(t.staffFte)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Summe</th>
            <td>{overview.measures}</td>
            <td>{formatEuro(overview.materialCostTotalCents)}</td>
            <td>{fte(overview.staffFteTotal)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

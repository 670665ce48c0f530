import { useTranslations } from "next-intl";
import type { FundingOverview as Overview } from "@/lib/concepts/funding";
import { useLabels } from "@/lib/i18n/hooks";
import { formatEuro } from "@/lib/measures/labels";

// Numbers and money stay in German notation in every UI language.
const fte = (n: number) => n.toLocaleString("de-DE", { maximumFractionDigits: 2 });

/** Chapter 7's derived overview: funding by source and costs by task type, from the measures. */
export function FundingOverview({ overview }: { overview: Overview }) {
  const t = useTranslations("funding");
  const labels = useLabels();
  if (overview.measures === 0) {
    return <p className="meta">{t("empty")}</p>;
  }
  return (
    <div className="funding-overview" data-testid="funding-overview">
      <table className="table">
        <caption>{t("bySource", { count: overview.measures })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("source")}</th>
            <th scope="col">{t("lines")}</th>
            <th scope="col">{t("amount")}</th>
          </tr>
        </thead>
        <tbody>
          {overview.bySource.map((s) => (
            <tr key={s.source}>
              <th scope="row">{labels.fundingSources[s.source]}</th>
              <td>{s.lines}</td>
              <td>{formatEuro(s.cents)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("total")}</th>
            <td>{overview.bySource.reduce((a, s) => a + s.lines, 0)}</td>
            <td>{formatEuro(overview.fundingTotalCents)}</td>
          </tr>
        </tbody>
      </table>
      <table className="table" style={{ marginTop: "1rem" }}>
        <caption>{t("byTaskType")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("taskType")}</th>
            <th scope="col">{t("measures")}</th>
            <th scope="col">{t("materialCost")}</th>
            <th scope="col">{t("staff")}</th>
          </tr>
        </thead>
        <tbody>
          {overview.byTaskType.map((row) => (
            <tr key={row.taskType}>
              <th scope="row">{labels.taskTypes[row.taskType]}</th>
              <td>{row.measures}</td>
              <td>{formatEuro(row.materialCostCents)}</td>
              <td>{fte(row.staffFte)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("total")}</th>
            <td>{overview.measures}</td>
            <td>{formatEuro(overview.materialCostTotalCents)}</td>
            <td>{fte(overview.staffFteTotal)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

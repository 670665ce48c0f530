import { getTranslations } from "next-intl/server";
import type { IndicatorRow } from "@/lib/measures/indicator-overview";
import { getLabels } from "@/lib/i18n/server";

/** The indicators of a field's measures in one table, each row linked to its measure's card (server-rendered). */
export async function IndicatorOverview({ fieldId, fieldTitle, rows }: { fieldId: string; fieldTitle: string; rows: IndicatorRow[] }) {
  if (!rows.length) return null;
  const t = await getTranslations("measures");
  const labels = await getLabels();
  return (
    <div className="measure-table-wrap" tabIndex={0} role="region" aria-label={t("indicatorOverview", { field: fieldTitle })}>
      <table className="table measure-table" data-testid={`indicator-overview-${fieldId}`}>
        <caption>{t("indicatorOverview", { field: fieldTitle })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("measureOfIndicator")}</th>
            <th scope="col">{t("indicator")}</th>
            <th scope="col">{t("kind")}</th>
            <th scope="col">{t("unit")}</th>
            <th scope="col">{t("baselineToTarget")}</th>
            <th scope="col">{t("dataSource")}</th>
            <th scope="col">{t("cadenceShort")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.measureId}-${i}`}>
              <td>
                {/* the card's id in FieldMeasures: measures-<field>-<measure> */}
                <a href={`#measures-${fieldId}-${r.measureId}`}>
                  <bdi>{r.measureLabel}</bdi> <bdi>{r.measureTitle}</bdi>
                </a>
              </td>
              <td>
                <bdi>{r.name}</bdi>
              </td>
              <td>{labels.indicatorKinds[r.kind]}</td>
              <td>{r.unit || "–"}</td>
              <td>
                {r.baseline || "–"} → {r.target || "–"}
              </td>
              <td>{r.dataSource || "–"}</td>
              <td>{r.cadence || "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

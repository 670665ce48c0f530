import { IntentLink } from "@/components/ui/intent-link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatKeyFigureChange, formatKeyFigureValue, type KeyFigureLine } from "@/lib/key-figures/change";
import { DeleteKeyFigureButton, KeyFigureForm } from "./forms";

const day = (iso: string) => iso.split("-").reverse().join(".");

/**
 * The Ausgangslage's key figures on the monitoring page: one row per figure
 * with its latest value, the one before and the change; every value below, to
 * correct or delete; the form for a new value.
 */
export async function KeyFigureSection({
  conceptId,
  lines,
  canRecord,
  thisYear,
  onConceptPage = false,
}: {
  conceptId: string;
  lines: KeyFigureLine[];
  canRecord: boolean;
  thisYear: number;
  /** under the chapter Ausgangslage: a heading one level down and a link to the monitoring, where they are entered */
  onConceptPage?: boolean;
}) {
  const t = await getTranslations("monitoring.keyFigures");
  const locale = await getLocale();
  const numberLocale = locale === "en" ? "en-GB" : "de-DE";
  const when = (v: { year: number; referenceDate: string | null }) => (v.referenceDate ? `${v.year} (${t("asOf", { date: day(v.referenceDate) })})` : String(v.year));
  const values = lines.flatMap((l) => [...l.history].reverse());
  return (
    <section className="card" aria-labelledby="key-figures-h" data-testid="key-figures" style={{ marginTop: "1rem" }}>
      {onConceptPage ? <h3 id="key-figures-h">{t("title")}</h3> : <h2 id="key-figures-h">{t("title")}</h2>}
      {onConceptPage ? (
        <p className="meta">
          {t("onConceptPage")} <IntentLink href={`/concepts/${conceptId}/monitoring#key-figures-h`}>{t("toMonitoring")}</IntentLink>
        </p>
      ) : (
        <p className="meta">{t("intro")}</p>
      )}
      {lines.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("title")}>
          <table className="table" data-testid="key-figure-table">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col" className="num">
                  {t("value")}
                </th>
                <th scope="col">{t("unit")}</th>
                <th scope="col">{t("yearOrDate")}</th>
                <th scope="col">{t("source")}</th>
                <th scope="col">{t("change")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.name} data-testid="key-figure-row">
                  <th scope="row">
                    <bdi>{l.name}</bdi>
                  </th>
                  <td className="num">{formatKeyFigureValue(l.latest.value, "", numberLocale)}</td>
                  <td>
                    <bdi>{l.unit}</bdi>
                  </td>
                  <td>{when(l.latest)}</td>
                  <td>
                    <bdi>{l.latest.source}</bdi>
                  </td>
                  <td data-testid="key-figure-change">{formatKeyFigureChange(l, numberLocale) || t("noChange")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p data-testid="key-figures-empty">{t("empty")}</p>
      )}
      {values.length && !onConceptPage ? (
        <details className="peer-table">
          <summary>{t("allValues", { count: values.length })}</summary>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("allValuesLabel")}>
            <table className="table" data-testid="key-figure-values">
              <thead>
                <tr>
                  <th scope="col">{t("name")}</th>
                  <th scope="col">{t("yearOrDate")}</th>
                  <th scope="col" className="num">
                    {t("value")}
                  </th>
                  <th scope="col">{t("source")}</th>
                  {canRecord ? <th scope="col">{t("action")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {values.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      <bdi>{v.name}</bdi>
                    </th>
                    <td>{when(v)}</td>
                    <td className="num">{formatKeyFigureValue(v.value, v.unit, numberLocale)}</td>
                    <td>
                      <bdi>{v.source}</bdi>
                    </td>
                    {canRecord ? (
                      <td>
                        <DeleteKeyFigureButton conceptId={conceptId} keyFigureId={v.id} label={`${v.name} ${v.year}`} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      {canRecord ? <KeyFigureForm conceptId={conceptId} names={lines.map((l) => ({ name: l.name, unit: l.unit }))} thisYear={thisYear} /> : null}
    </section>
  );
}

/**
 * One figure of the comparison: heading, a text summary, the chart, and the
 * same numbers as a table (a native disclosure: keyboard and screen reader
 * work without script).
 */
import { useTranslations } from "next-intl";
import type { QuartileFigure, ShareFigure, Suppressed } from "@/lib/peers/anonymity";
import { Legend, QuartileChart, ShareChart, type QuartileRow, type ShareRow } from "./charts";
import { ScrollBox } from "@/components/ui/scroll-box";

type T = ReturnType<typeof useTranslations<"peers">>;

const num = (n: number) => n.toLocaleString("de-DE", { maximumFractionDigits: 1 });

function peerText(f: ShareFigure | QuartileFigure | Suppressed, unit: string, t: T): string {
  if (f.suppressed) return t("figure.withheldBecause", { reason: f.message });
  if ("share" in f) return `${f.share} % (n = ${f.n})`;
  return t("figure.quartiles", { median: `${num(f.median)}${unit}`, q1: `${num(f.q1)}${unit}`, q3: `${num(f.q3)}${unit}`, n: f.n });
}

function ownText(own: number | boolean | null, unit: string, t: T): string {
  if (own === null) return t("figures.noAnswer");
  if (typeof own === "boolean") return own ? t("figure.yes") : t("figure.no");
  return `${num(own)}${unit}`;
}

function summaryOf(rows: (ShareRow | QuartileRow)[], unit: string, t: T): string {
  return rows.map((r) => t("figure.summaryRow", { label: r.label, peers: peerText(r.peers, unit, t), own: ownText(r.own, unit, t) })).join("; ") + ".";
}

type Props = { id: string; title: string; intro?: string; unit?: string; ownHeader?: string } & (
  | { kind: "share"; rows: ShareRow[] }
  | { kind: "quartiles"; rows: QuartileRow[] }
);

export function PeerFigure(props: Props) {
  const t = useTranslations("peers");
  const unit = props.unit ?? "";
  const shareUnit = props.kind === "share" ? " %" : unit;
  const summary = summaryOf(props.rows, props.kind === "share" ? " %" : unit, t);
  return (
    <section className="card peer-figure" aria-labelledby={`${props.id}-h`} data-testid={`figure-${props.id}`}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      {props.intro ? <p className="meta">{props.intro}</p> : null}
      <p className="peer-summary">{summary}</p>
      {props.kind === "share" ? (
        <ShareChart id={props.id} title={props.title} summary={summary} rows={props.rows} />
      ) : (
        <QuartileChart id={props.id} title={props.title} summary={summary} rows={props.rows} unit={unit} />
      )}
      <Legend quartiles={props.kind === "quartiles"} />
      <details className="peer-table">
        <summary>{t("figure.asTable", { title: props.title })}</summary>
        <ScrollBox label={props.title}>
        <table className="table">
          <caption className="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("figure.colFeature")}</th>
              {props.kind === "share" ? (
                <th scope="col">{t("figure.colShare")}</th>
              ) : (
                <>
                  <th scope="col">{t("figure.colQ1")}</th>
                  <th scope="col">{t("figure.colMedian")}</th>
                  <th scope="col">{t("figure.colQ3")}</th>
                </>
              )}
              <th scope="col">n</th>
              <th scope="col">{props.ownHeader ?? t("figure.yourConcept")}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {r.peers.suppressed ? (
                  <td colSpan={props.kind === "share" ? 2 : 4}>{t("figure.withheld", { reason: r.peers.message })}</td>
                ) : "share" in r.peers ? (
                  <>
                    <td>{r.peers.share} %</td>
                    <td>{r.peers.n}</td>
                  </>
                ) : (
                  <>
                    <td>
                      {num(r.peers.q1)}
                      {unit}
                    </td>
                    <td>
                      {num(r.peers.median)}
                      {unit}
                    </td>
                    <td>
                      {num(r.peers.q3)}
                      {unit}
                    </td>
                    <td>{r.peers.n}</td>
                  </>
                )}
                <td>{ownText(r.own, shareUnit, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollBox>
      </details>
    </section>
  );
}

/**
 * One figure of the comparison: heading, a text summary, the chart, and the
 * same numbers as a table (a native disclosure: keyboard and screen reader
 * work without script).
 */
import type { QuartileFigure, ShareFigure, Suppressed } from "@/lib/peers/anonymity";
import { Legend, QuartileChart, ShareChart, type QuartileRow, type ShareRow } from "./charts";
import { ScrollBox } from "@/components/ui/scroll-box";

const num = (n: number) => n.toLocaleString("de-DE", { maximumFractionDigits: 1 });

function peerText(f: ShareFigure | QuartileFigure | Suppressed, unit: string): string {
  if (f.suppressed) return `zurückgehalten (${f.message})`;
  if ("share" in f) return `${f.share} % (n = ${f.n})`;
  return `Median ${num(f.median)}${unit}, mittlere Hälfte ${num(f.q1)}${unit} bis ${num(f.q3)}${unit} (n = ${f.n})`;
}

function ownText(own: number | boolean | null, unit: string): string {
  if (own === null) return "keine Angabe";
  if (typeof own === "boolean") return own ? "ja" : "nein";
  return `${num(own)}${unit}`;
}

export function summaryOf(rows: (ShareRow | QuartileRow)[], unit: string): string {
  return rows.map((r) => `${r.label}: Vergleichskommunen ${peerText(r.peers, unit)}, Ihr Konzept ${ownText(r.own, unit)}`).join("; ") + ".";
}

type Props = { id: string; title: string; intro?: string; unit?: string; ownHeader?: string } & (
  | { kind: "share"; rows: ShareRow[] }
  | { kind: "quartiles"; rows: QuartileRow[] }
);

export function PeerFigure(props: Props) {
  const unit = props.unit ?? "";
  const shareUnit = props.kind === "share" ? " %" : unit;
  const summary = summaryOf(props.rows, props.kind === "share" ? " %" : unit);
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
        <summary>Als Tabelle anzeigen: {props.title}</summary>
        <ScrollBox label={props.title}>
        <table className="table">
          <caption className="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Merkmal</th>
              {props.kind === "share" ? (
                <th scope="col">Anteil der Vergleichskommunen</th>
              ) : (
                <>
                  <th scope="col">1. Quartil</th>
                  <th scope="col">Median</th>
                  <th scope="col">3. Quartil</th>
                </>
              )}
              <th scope="col">n</th>
              <th scope="col">{props.ownHeader ?? "Ihr Konzept"}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {r.peers.suppressed ? (
                  <td colSpan={props.kind === "share" ? 2 : 4}>zurückgehalten: {r.peers.message}</td>
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
                <td>{ownText(r.own, shareUnit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollBox>
      </details>
    </section>
  );
}

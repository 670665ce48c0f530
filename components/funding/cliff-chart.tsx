/**
 * The funding cliff as a server-rendered SVG bar chart (no client script):
 * one bar per year with the yearly amount that ends, labelled with the amount
 * and the VZÄ affected. The same numbers follow as a table (a native
 * disclosure) and as the text summary above.
 */
import type { FundingView } from "@/lib/funding/view";
import type { DomainText } from "@/lib/i18n/domain-text";
import { FundingTable } from "./view-table";

const W = 680;
const LEFT = 56;
const RIGHT = 16;
const TOP = 28;
const BAR_AREA = 180;
const AXIS = 40;
const BAR = "#b35900";

function CliffChart({ bars, summary, dt }: { bars: FundingView["cliff"]["bars"]; summary: string; dt: DomainText }) {
  const max = Math.max(...bars.map((b) => b.cents), 1);
  const slot = (W - LEFT - RIGHT) / Math.max(bars.length, 1);
  const width = Math.min(72, slot * 0.6);
  const h = TOP + BAR_AREA + AXIS;
  return (
    <svg className="cliff-chart" viewBox={`0 0 ${W} ${h}`} width="100%" role="img" aria-labelledby="cliff-title cliff-desc" data-testid="cliff-chart">
      <title id="cliff-title">{dt("Förderklippe: wegfallende Förderung pro Jahr")}</title>
      <desc id="cliff-desc">{summary}</desc>
      <line x1={LEFT} x2={W - RIGHT} y1={TOP + BAR_AREA} y2={TOP + BAR_AREA} stroke="#4f5863" />
      {bars.map((b, i) => {
        const bh = Math.max(2, (b.cents / max) * BAR_AREA);
        const x = LEFT + i * slot + (slot - width) / 2;
        const y = TOP + BAR_AREA - bh;
        return (
          <g key={b.year}>
            <rect x={x} y={y} width={width} height={bh} fill={BAR} />
            <text x={x + width / 2} y={y - 6} fontSize={12} textAnchor="middle" fill="#1b1f24">
              {b.label}
            </text>
            <text x={x + width / 2} y={TOP + BAR_AREA + 16} fontSize={12} textAnchor="middle" fill="#1b1f24">
              {dt(`ab ${b.year}`)}
            </text>
            <text x={x + width / 2} y={TOP + BAR_AREA + 32} fontSize={11} textAnchor="middle" fill="#4f5863">
              {dt(`${b.fte} VZÄ`)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The Förderklippe block of the funding chapter: summary, chart, tables (German wording, through `dt` into the page's language). */
export function FundingCliff({ cliff, dt }: { cliff: FundingView["cliff"]; dt: DomainText }) {
  return (
    <section className="funding-cliff" aria-labelledby="cliff-h" data-testid="funding-cliff">
      <h3 id="cliff-h">{dt("Förderklippe")}</h3>
      <p className="peer-summary" data-testid="cliff-summary">
        {cliff.summary}
      </p>
      {cliff.bars.length ? (
        <>
          <CliffChart bars={cliff.bars} summary={cliff.summary} dt={dt} />
          <details className="peer-table">
            <summary>{dt("Als Tabelle anzeigen: Förderklippe")}</summary>
            {cliff.tables.map((t) => (t.rows.length ? <FundingTable key={t.id} table={t} /> : null))}
          </details>
        </>
      ) : null}
    </section>
  );
}

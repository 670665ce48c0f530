/**
 * Charts of the peer comparison as server-rendered SVG (visx scales and
 * shapes: no client JavaScript, no measuring in the browser). Every chart has
 * a text summary (the SVG's <desc>, also shown as text) and a table view.
 * Peers are blue bars/bands; the own concept is an orange diamond (a shape as
 * well as a colour).
 */
import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { Bar, Line } from "@visx/shape";
import type { QuartileFigure, ShareFigure, Suppressed } from "@/lib/peers/anonymity";
import { useTranslations } from "next-intl";

const W = 680;
const LABEL = 230;
const RIGHT = 80;
const ROW = 34;
const TOP = 8;
const AXIS = 26;
const PEER = "#0b5cad";
const BAND = "#a9c6e8";
const OWN = "#b35900";

const num = (n: number) => n.toLocaleString("de-DE", { maximumFractionDigits: 1 });

export type ShareRow = { label: string; peers: ShareFigure | Suppressed; /** the own value in percent (a diamond), or a yes/no */ own: number | boolean | null };
export type QuartileRow = { label: string; peers: QuartileFigure | Suppressed; own: number | null };

function Diamond({ x, y }: { x: number; y: number }) {
  const s = 7;
  return <path d={`M${x} ${y - s} L${x + s} ${y} L${x} ${y + s} L${x - s} ${y} Z`} fill={OWN} stroke="#fff" strokeWidth={1.5} />;
}

function Ticks({ scale, values, height, unit }: { scale: (v: number) => number; values: number[]; height: number; unit: string }) {
  return (
    <g>
      {values.map((v) => (
        <g key={v}>
          <Line from={{ x: scale(v), y: TOP }} to={{ x: scale(v), y: height - AXIS + 4 }} stroke="#d5dae1" strokeWidth={1} />
          <text x={scale(v)} y={height - 8} fontSize={12} textAnchor="middle" fill="#4f5863">
            {num(v)}
            {unit}
          </text>
        </g>
      ))}
    </g>
  );
}

function Frame({ id, title, summary, height, children }: { id: string; title: string; summary: string; height: number; children: React.ReactNode }) {
  return (
    <svg viewBox={`0 0 ${W} ${height}`} className="peer-chart" role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid={`chart-${id}`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {children}
    </svg>
  );
}

/** A row's name, right-aligned before the plot. */
function RowLabel({ label }: { label: string }) {
  return (
    <text x={LABEL - 10} y={ROW / 2 + 4} fontSize={13} textAnchor="end" fill="#1b1f24">
      {label}
    </text>
  );
}

/** In place of a suppressed figure: why it is withheld. */
function Withheld({ message }: { message: string }) {
  const t = useTranslations("peers");
  return (
    <text x={LABEL + 6} y={ROW / 2 + 4} fontSize={12} fontStyle="italic" fill="#4f5863">
      {t("figure.withheld", { reason: message })}
    </text>
  );
}

/** Horizontal bars: share of peers (0–100 %) per row, the own value as a diamond or a yes/no mark. */
export function ShareChart({ id, title, summary, rows }: { id: string; title: string; summary: string; rows: ShareRow[] }) {
  const height = TOP + rows.length * ROW + AXIS;
  const x = scaleLinear<number>({ domain: [0, 100], range: [LABEL, W - RIGHT] });
  const t = useTranslations("peers");
  return (
    <Frame id={id} title={title} summary={summary} height={height}>
      <Ticks scale={x} values={[0, 25, 50, 75, 100]} height={height} unit=" %" />
      {rows.map((r, i) => {
        const y = TOP + i * ROW;
        return (
          <Group key={r.label} top={y}>
            <RowLabel label={r.label} />
            {r.peers.suppressed ? (
              <Withheld message={r.peers.message} />
            ) : (
              <>
                <Bar x={x(0)} y={6} width={Math.max(1, x(r.peers.share) - x(0))} height={ROW - 12} fill={PEER} />
                <text x={x(r.peers.share) + 6} y={ROW / 2 + 4} fontSize={12} fill="#1b1f24">
                  {r.peers.share} %
                </text>
              </>
            )}
            {typeof r.own === "number" ? <Diamond x={x(r.own)} y={ROW / 2} /> : null}
            {typeof r.own === "boolean" ? (
              <text x={W - 8} y={ROW / 2 + 4} fontSize={12} textAnchor="end" fill={r.own ? OWN : "#4f5863"} fontWeight={r.own ? 700 : 400}>
                {r.own ? `◆ ${t("figure.yourConcept")}` : "–"}
              </text>
            ) : null}
          </Group>
        );
      })}
    </Frame>
  );
}

/** Quartile bands (q1–q3, median line) per row; the own value as a diamond. Never min or max. */
export function QuartileChart({ id, title, summary, rows, unit = "" }: { id: string; title: string; summary: string; rows: QuartileRow[]; unit?: string }) {
  const height = TOP + rows.length * ROW + AXIS;
  const highest = Math.max(1, ...rows.map((r) => Math.max(r.own ?? 0, r.peers.suppressed ? 0 : r.peers.q3)));
  const max = unit === " %" ? 100 : niceMax(highest * 1.15);
  const x = scaleLinear<number>({ domain: [0, max], range: [LABEL, W - RIGHT] });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f * 10) / 10);
  return (
    <Frame id={id} title={title} summary={summary} height={height}>
      <Ticks scale={x} values={ticks} height={height} unit={unit} />
      {rows.map((r, i) => {
        const y = TOP + i * ROW;
        return (
          <Group key={r.label} top={y}>
            <RowLabel label={r.label} />
            {r.peers.suppressed ? (
              <Withheld message={r.peers.message} />
            ) : (
              <>
                <Bar x={x(r.peers.q1)} y={7} width={Math.max(2, x(r.peers.q3) - x(r.peers.q1))} height={ROW - 14} fill={BAND} stroke={PEER} />
                <Line from={{ x: x(r.peers.median), y: 4 }} to={{ x: x(r.peers.median), y: ROW - 4 }} stroke={PEER} strokeWidth={3} />
              </>
            )}
            {r.own !== null ? <Diamond x={x(Math.min(r.own, max))} y={ROW / 2} /> : null}
          </Group>
        );
      })}
    </Frame>
  );
}

function niceMax(v: number): number {
  const steps = [1, 2, 4, 5, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 150, 200, 300, 500, 1000];
  return steps.find((s) => s >= v) ?? Math.ceil(v / 100) * 100;
}

export function Legend({ quartiles }: { quartiles?: boolean }) {
  const t = useTranslations("peers");
  return (
    <p className="peer-legend meta" aria-hidden="true">
      <span style={{ color: PEER }}>■</span> {quartiles ? t("figure.legendQuartiles") : t("figure.colShare")} ·{" "}
      <span style={{ color: OWN }}>◆</span> {t("figure.yourConcept")}
    </p>
  );
}

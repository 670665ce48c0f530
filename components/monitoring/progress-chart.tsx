/**
 * An indicator's Ist-Werte over time as a server-rendered SVG (visx scales and
 * shapes, no client script): the values as a line with points, the baseline as
 * a dashed grey line, the target as a dashed green one. The text summary is the
 * SVG's <desc> and stands beside it; the values follow as a table.
 */
import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { Line, LinePath } from "@visx/shape";
import { readIndicatorNumber, formatIndicatorNumber } from "@/lib/monitoring/number";
import type { MonitoringIndicator } from "@/lib/monitoring/report";

const W = 680;
const H = 220;
const LEFT = 64;
const RIGHT = 120;
const TOP = 16;
const BOTTOM = 34;
const VALUE = "#0b5cad";
const TARGET = "#1f7a3a";
const BASE = "#6b7480";

const daysOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The chart's words in the UI language (default German): `baseline` and `target` label the lines before their number. */
export type ChartWords = { title: string; baseline: string; target: string };

export function ProgressChart({ id, indicator, summary, words }: { id: string; indicator: MonitoringIndicator; summary: string; words?: ChartWords }) {
  const w = words ?? { title: `Verlauf: ${indicator.name}`, baseline: "Basis", target: "Ziel" };
  const points = indicator.values.filter((v) => v.number !== null).map((v) => ({ d: daysOf(v.observedOn), v: v.number!, day: v.observedOn }));
  if (points.length === 0) return null;
  const baseline = readIndicatorNumber(indicator.baseline);
  const target = readIndicatorNumber(indicator.target);
  const ys = [...points.map((p) => p.v), ...(baseline !== null ? [baseline] : []), ...(target !== null ? [target] : [])];
  let [lo, hi] = [Math.min(...ys), Math.max(...ys)];
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.1;
  const y = scaleLinear<number>({ domain: [lo - pad, hi + pad], range: [H - BOTTOM, TOP], nice: true });
  const first = points[0]!.d;
  const last = points[points.length - 1]!.d;
  const x = scaleLinear<number>({ domain: first === last ? [first - 180, last + 180] : [first, last], range: [LEFT + 12, W - RIGHT - 12] });
  const ticks = y.ticks(4);
  const years = [...new Set(points.map((p) => p.day.slice(0, 4)))];
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="monitoring-chart" role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid="monitoring-chart">
      <title id={`${id}-title`}>{w.title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {ticks.map((t) => (
        <Group key={t}>
          <Line from={{ x: LEFT, y: y(t) }} to={{ x: W - RIGHT, y: y(t) }} stroke="#e3e7ec" />
          <text x={LEFT - 8} y={y(t) + 4} fontSize={12} textAnchor="end" fill="#4f5863">
            {formatIndicatorNumber(t)}
          </text>
        </Group>
      ))}
      {baseline !== null ? (
        <Group>
          <Line from={{ x: LEFT, y: y(baseline) }} to={{ x: W - RIGHT, y: y(baseline) }} stroke={BASE} strokeDasharray="4 4" strokeWidth={1.5} />
          <text x={W - RIGHT + 6} y={y(baseline) + 4} fontSize={12} fill={BASE}>
            {w.baseline} {formatIndicatorNumber(baseline)}
          </text>
        </Group>
      ) : null}
      {target !== null ? (
        <Group>
          <Line from={{ x: LEFT, y: y(target) }} to={{ x: W - RIGHT, y: y(target) }} stroke={TARGET} strokeDasharray="8 4" strokeWidth={2} />
          <text x={W - RIGHT + 6} y={y(target) + 4} fontSize={12} fontWeight={700} fill={TARGET}>
            {w.target} {formatIndicatorNumber(target)}
          </text>
        </Group>
      ) : null}
      <LinePath data={points} x={(p) => x(p.d)} y={(p) => y(p.v)} stroke={VALUE} strokeWidth={2.5} fill="none" />
      {points.map((p, i) => (
        <circle key={`${p.day}-${i}`} cx={x(p.d)} cy={y(p.v)} r={4.5} fill={VALUE} stroke="#fff" strokeWidth={1.5} />
      ))}
      {years.map((yr) => {
        const p = points.find((q) => q.day.startsWith(yr))!;
        return (
          <text key={yr} x={x(p.d)} y={H - 10} fontSize={12} textAnchor="middle" fill="#4f5863">
            {yr}
          </text>
        );
      })}
    </svg>
  );
}

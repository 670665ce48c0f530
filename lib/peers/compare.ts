/**
 * The comparison of one concept with a peer group of a published snapshot:
 * pure, so the JSON route, the page and the benchmark share it. The viewer's
 * own municipality is left out of every figure; nothing returned names or
 * identifies a peer.
 */
import { ORG_MODELS, type OrgModel } from "@/lib/concepts/setting-labels";
import { FUNDING_SOURCE_LABELS, FUNDING_SOURCES } from "@/lib/measures/labels";
import {
  cellOfGroup,
  cellOfLevel,
  computeFigures,
  FIELD_TITLES,
  SHARE_LABELS,
  structuralSuppression,
  type Cell,
  type Contribution,
  type FigureSet,
  type FigureValue,
  type ShareFigure,
  type QuartileFigure,
  type Structure,
  type Suppressed,
} from "./anonymity";
import { choiceLabel, findGroup, GROUP_CHOICES, type GroupChoice, type Level, type PeerGroupDef } from "./groups";
import { FIELD_KEYS, MEASURE_SHARES, type ConceptMetrics, type FundingSource, type MeasureShare } from "./metrics";

/** A published snapshot as loaded for comparisons (kept in memory per snapshot). */
export type LoadedSnapshot = {
  id: string;
  publishedAt: Date;
  groups: PeerGroupDef[];
  contributions: Contribution[];
  syntheticCount: number;
  structure: Structure;
  /** the year ages are counted to */
  refYear: number;
};

export function loadSnapshot(input: Omit<LoadedSnapshot, "structure" | "refYear">): LoadedSnapshot {
  const refYear = input.publishedAt.getUTCFullYear();
  return { ...input, refYear, structure: structuralSuppression(input.groups, input.contributions, refYear) };
}

export type Viewer = { municipalityId: string; level: Level; population: number };

type Peer<T> = T | Suppressed;

export type Comparison = {
  snapshot: { publishedAt: string; synthetic: boolean; note: string | null };
  group: { choice: GroupChoice; label: string; n: number };
  choices: { choice: GroupChoice; label: string; n: number }[];
  fields: { key: string; title: string; coverage: Peer<ShareFigure>; measures: Peer<QuartileFigure>; own: { covered: boolean; measures: number } }[];
  measures: { peers: Peer<QuartileFigure>; own: number };
  shares: { key: MeasureShare; label: string; /** percent quartiles */ peers: Peer<QuartileFigure>; own: number | null }[];
  funding: { source: FundingSource; label: string; peers: Peer<ShareFigure>; own: number | null }[];
  orgModel: { key: OrgModel | "none"; label: string; peers: Peer<ShareFigure>; own: boolean }[];
  wholeSociety: { peers: Peer<ShareFigure>; own: boolean | null };
  age: { peers: Peer<QuartileFigure>; own: number | null };
  updateCycle: { peers: Peer<QuartileFigure>; own: number | null };
};

function cellFor(choice: GroupChoice, own: PeerGroupDef): Cell {
  return choice === "own" ? cellOfGroup(own.key) : choice === "level" ? cellOfLevel(own.level) : "all";
}

/** The viewer's set of a cell: the cell's contributions without the viewer's own municipality. */
function peersOf(snapshot: LoadedSnapshot, cell: Cell, viewer: Viewer): Contribution[] {
  return (snapshot.structure.cells.get(cell) ?? []).filter((c) => c.municipalityId !== viewer.municipalityId);
}

const cache = new Map<string, FigureSet>();
const CACHE_LIMIT = 500;

/** Figures of a cell for a viewer, memoised (same snapshot, cell and viewer → the same object). */
export function figuresFor(snapshot: LoadedSnapshot, cell: Cell, viewer: Viewer): { figures: FigureSet; n: number } {
  const set = peersOf(snapshot, cell, viewer);
  const key = `${snapshot.id}|${cell}|${viewer.municipalityId}`;
  let figures = cache.get(key);
  if (!figures) {
    figures = computeFigures(set, snapshot.structure.suppressed, cell, snapshot.refYear);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, figures);
  }
  return { figures, n: set.length };
}

const asPercent = (f: FigureValue): Peer<QuartileFigure> =>
  f.suppressed ? f : { ...(f as QuartileFigure), q1: Math.round((f as QuartileFigure).q1 * 100), median: Math.round((f as QuartileFigure).median * 100), q3: Math.round((f as QuartileFigure).q3 * 100) };

export function buildComparison(snapshot: LoadedSnapshot, viewer: Viewer, choice: GroupChoice, own: ConceptMetrics): Comparison {
  const ownGroup = findGroup(snapshot.groups, viewer.level, viewer.population);
  const cell = cellFor(choice, ownGroup);
  const { figures, n } = figuresFor(snapshot, cell, viewer);
  const fig = <T>(id: string) => figures[id] as Peer<T>;
  const totalOwnFunding = FUNDING_SOURCES.reduce((a, s) => a + own.fundingCents[s], 0);
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 100));
  return {
    snapshot: {
      publishedAt: snapshot.publishedAt.toISOString(),
      synthetic: snapshot.syntheticCount > 0,
      note:
        snapshot.syntheticCount > 0
          ? "Enthält synthetische Demodaten: erfundene Kommunen, deren Größenverteilung den Kreisen Deutschlands folgt (Destatis, CC BY 4.0, über das npm-Paket landkreise-deutschland) und deren Konzeptkennzahlen der Befragung von 92 Kommunen (Schammann u. a. 2020) nachgebildet sind."
          : null,
    },
    group: { choice, label: choiceLabel(choice, ownGroup), n },
    choices: GROUP_CHOICES.map((c) => ({ choice: c, label: choiceLabel(c, ownGroup), n: peersOf(snapshot, cellFor(c, ownGroup), viewer).length })),
    fields: FIELD_KEYS.map((k) => ({
      key: k,
      title: FIELD_TITLES[k] ?? k,
      coverage: fig<ShareFigure>(`field.${k}.covered`),
      measures: fig<QuartileFigure>(`field.${k}.measures`),
      own: own.fields[k] ?? { covered: false, measures: 0 },
    })),
    measures: { peers: fig<QuartileFigure>("measures"), own: own.measures },
    shares: MEASURE_SHARES.map((s) => ({ key: s, label: SHARE_LABELS[s], peers: asPercent(figures[`share.${s}`]!), own: pct(own.shares[s]) })),
    funding: FUNDING_SOURCES.map((s) => ({
      source: s,
      label: FUNDING_SOURCE_LABELS[s],
      peers: fig<ShareFigure>(`funding.${s}`),
      own: totalOwnFunding > 0 ? Math.round((100 * own.fundingCents[s]) / totalOwnFunding) : null,
    })),
    orgModel: [
      ...(Object.keys(ORG_MODELS) as OrgModel[]).map((o) => ({ key: o, label: ORG_MODELS[o] as string, peers: fig<ShareFigure>(`orgModel.${o}`), own: own.orgModel === o })),
      { key: "none" as const, label: "keine Angabe", peers: fig<ShareFigure>("orgModel.none"), own: own.orgModel === null },
    ],
    wholeSociety: { peers: fig<ShareFigure>("wholeSociety"), own: own.wholeSociety },
    age: { peers: fig<QuartileFigure>("age"), own: own.startYear === null ? null : Math.max(0, snapshot.refYear - own.startYear) },
    updateCycle: { peers: fig<QuartileFigure>("updateCycle"), own: own.updateCycleYears },
  };
}

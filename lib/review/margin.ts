/**
 * Where the concept page's comment margin shows each thread (issue 13), and
 * the counts of the outline. Pure functions over resolved threads.
 */
type Placeable = { targetKind: string; sectionId: string | null; chapter: string; fieldKey: string | null; state: string; range: { start: number } | null };

/**
 * Threads by place: a text thread under its part's id (open ones first in the
 * order of their passages, then resolved ones likewise); a chapter's thread
 * under `kapitel-<key>`; a field of action's and its measures' under `feld-<key>`.
 * A text thread whose part is gone falls back to its chapter or field.
 */
export function threadsByPlace<T extends Placeable>(threads: T[], sections: { id: string }[]): Map<string, T[]> {
  const ids = new Set(sections.map((s) => s.id));
  const places = new Map<string, T[]>();
  for (const th of threads) {
    const place = th.targetKind === "text" && th.sectionId && ids.has(th.sectionId) ? th.sectionId : th.fieldKey ? `feld-${th.fieldKey}` : `kapitel-${th.chapter}`;
    const list = places.get(place);
    if (list) list.push(th);
    else places.set(place, [th]);
  }
  for (const list of places.values()) list.sort(byPosition);
  return places;
}

/** Passage order; threads without a passage (chapters, measures, a removed passage) after them, oldest first (the input's order). */
export const byPosition = (a: Placeable, b: Placeable) => (a.range?.start ?? Infinity) - (b.range?.start ?? Infinity) || 0;

/** Outline anchor (`kapitel-<key>`, `feld-<key>`) → its open threads: on its parts, its heading and its measures. */
export function openThreadsByAnchor(places: Map<string, Placeable[]>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const list of places.values()) {
    for (const th of list) {
      if (th.state !== "open") continue;
      const anchor = th.fieldKey ? `feld-${th.fieldKey}` : `kapitel-${th.chapter}`;
      counts[anchor] = (counts[anchor] ?? 0) + 1;
    }
  }
  return counts;
}

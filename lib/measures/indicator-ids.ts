import type { Indicator } from "@/db/schema";

/*
 * Every indicator has a stable id (a UUID inside the measure's JSON): the
 * Ist-Werte of the monitoring (indicator_values) point to it, so it must
 * survive an edit of the name, a reorder, a backup, a version and a restore.
 */

export type IndicatorDraft = Omit<Indicator, "id"> & { id?: string | undefined };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const nameKey = (name: string) => name.trim().toLocaleLowerCase("de");

/**
 * Give each indicator its id:
 * - an id the measure had before (`previous`) stays, once per list;
 * - without an id (an old backup or version, a new row of the form), the id of a
 *   previous indicator with the same name not taken otherwise, so Ist-Werte stay
 *   with an indicator that an old version brings back;
 * - an id the measure never had stays only with `keepUnknown` (a backup or a
 *   version of this app; the form may not name ids of other measures), else new;
 * - anything else gets a new id.
 * The result never holds an id twice.
 */
export function assignIndicatorIds(
  next: readonly IndicatorDraft[],
  previous: readonly Pick<Indicator, "id" | "name">[] = [],
  options: { keepUnknown?: boolean; newId?: () => string } = {},
): Indicator[] {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const known = new Set(previous.map((p) => p.id));
  const used = new Set<string>();
  const claim = (id: string) => (used.add(id), id);
  const first = next.map((x) => {
    const id = x.id && UUID.test(x.id) ? x.id.toLowerCase() : undefined;
    if (id && !used.has(id) && (known.has(id) || options.keepUnknown)) return claim(id);
    return null;
  });
  return next.map((x, i) => {
    const { id: _drop, ...rest } = x;
    let id = first[i];
    if (!id && !x.id) {
      const same = previous.find((p) => !used.has(p.id) && nameKey(p.name) === nameKey(x.name));
      if (same) id = claim(same.id);
    }
    return { id: id ?? claim(newId()), ...rest };
  });
}

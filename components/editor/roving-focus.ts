/**
 * The WAI-ARIA toolbar pattern's keyboard logic, without the DOM: a toolbar is
 * one Tab stop (the item with tabindex 0, the others -1); Left/Right move to the
 * previous/next enabled item and wrap, Home/End go to the first/last. Disabled
 * items are skipped (native disabled buttons cannot take the focus).
 */
export type RovingKey = "ArrowLeft" | "ArrowRight" | "Home" | "End";

export const ROVING_KEYS: readonly string[] = ["ArrowLeft", "ArrowRight", "Home", "End"] satisfies RovingKey[];

/** The item that is the toolbar's Tab stop: the remembered one if it can take the focus, else the first enabled; -1 when none is. */
export function tabStop(remembered: number, enabled: readonly boolean[]): number {
  if (enabled[remembered]) return remembered;
  return enabled.indexOf(true);
}

/** The item a key moves the focus to from `current`; -1 when no item is enabled. */
export function moveFocus(key: RovingKey, current: number, enabled: readonly boolean[]): number {
  const n = enabled.length;
  if (!enabled.includes(true)) return -1;
  if (key === "Home") return enabled.indexOf(true);
  if (key === "End") return enabled.lastIndexOf(true);
  const step = key === "ArrowRight" ? 1 : -1;
  // From an item that is not (or no longer) in the list, Right starts before the first, Left after the last.
  let i = current >= 0 && current < n ? current : step === 1 ? -1 : n;
  for (let tries = 0; tries < n; tries++) {
    i = (i + step + n) % n;
    if (enabled[i]) return i;
  }
  return current;
}

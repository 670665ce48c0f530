/**
 * Whether the page is being scrolled, and a wait until it rests (issue 17). A part that comes near the view while
 * someone scrolls through the concept opens (its document syncs, its editor is made) once the scrolling rests, not
 * on the way past: someone flinging through a hundred pages makes no editors and no connections on the way, and the
 * scrolling does not stutter when one is made. Where they stop, the parts near the view open; a click or the
 * keyboard opens a part at once.
 */

/** How long the page has not scrolled before it counts as resting. */
export const REST_MS = 150;

export type ScrollRest = {
  /** Runs `run` once the page rests (now, if it does); the returned function calls it off. */
  whenRests(run: () => void): () => void;
};

/** A scroll watch on `target` (the window; scrolls of elements inside count too), with its own clock for tests. */
export function createScrollRest(target: EventTarget, now: () => number = () => performance.now(), restMs = REST_MS): ScrollRest {
  let lastScroll = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const waiting = new Set<() => void>();
  target.addEventListener(
    "scroll",
    () => {
      lastScroll = now();
    },
    { passive: true, capture: true },
  );
  const check = () => {
    timer = null;
    const rest = restMs - (now() - lastScroll);
    if (rest > 0) {
      timer = setTimeout(check, rest);
      return;
    }
    const due = [...waiting];
    waiting.clear();
    for (const run of due) run();
  };
  return {
    whenRests(run) {
      if (now() - lastScroll >= restMs) {
        run();
        return () => {};
      }
      waiting.add(run);
      timer ??= setTimeout(check, restMs - (now() - lastScroll));
      return () => {
        waiting.delete(run);
      };
    },
  };
}

/** The page's scroll watch, one listener for every part, from when the parts' code is loaded. */
const page = typeof window === "undefined" ? null : createScrollRest(window);

export function whenScrollRests(run: () => void): () => void {
  if (!page) throw new Error("whenScrollRests runs in the browser only");
  return page.whenRests(run);
}

/**
 * Whether the page is being scrolled, and a wait until it rests (issue 17). What comes near the view while someone
 * scrolls through a long page starts its work once the scrolling rests, not on the way past: a part of the concept
 * syncs its document and becomes an editor (collab-section-editor.tsx), a chapter is adopted by React
 * (hydration-gate.tsx). Someone flinging through a hundred pages then makes no editors, connections or React
 * objects on the way, and the scrolling does not stutter when one is made. Where they stop, what is near starts;
 * a click or the keyboard starts it at once.
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

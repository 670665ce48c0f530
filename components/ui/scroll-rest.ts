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

/**
 * An IntersectionObserver (margin `rootMargin`) that reports an element as near once the scrolling rests with it
 * near; one that leaves before that is not reported. The parts' and the hydration gates' one way to wait.
 */
export function nearAtRest(rootMargin: string, onNear: (el: Element) => void) {
  const resting = new Map<Element, () => void>();
  const callOff = (el: Element) => {
    resting.get(el)?.();
    resting.delete(el);
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        callOff(target);
        if (!isIntersecting) continue;
        let ran = false;
        const cancel = whenScrollRests(() => {
          ran = true;
          resting.delete(target);
          onNear(target);
        });
        if (!ran) resting.set(target, cancel);
      }
    },
    { rootMargin },
  );
  return {
    observe: (el: Element) => observer.observe(el),
    unobserve: (el: Element) => {
      callOff(el);
      observer.unobserve(el);
    },
    disconnect: () => {
      for (const cancel of resting.values()) cancel();
      resting.clear();
      observer.disconnect();
    },
  };
}

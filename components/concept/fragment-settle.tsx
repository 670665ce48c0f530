"use client";
import { useEffect } from "react";

/**
 * Parts far from the viewport are not laid out (content-visibility in globals.css): their heights are
 * estimates until they come near. A link to a place further down (a search hit, a measure, a part, an
 * entry of the outline) is scrolled to by the browser before the parts around it have their real size,
 * and on a phone the outline's menu closes right after the jump: the target can end up beside the
 * viewport or under the bar. This scrolls to the link's target again once the page has settled, on
 * loading and after every jump within the page, unless the person has scrolled or typed in the
 * meantime. Threads (#thread-…) are opened by the comment margin.
 */
export function FragmentSettle() {
  useEffect(() => {
    let moved = false;
    let timers: ReturnType<typeof setTimeout>[] = [];
    const stop = () => (moved = true);
    const events = ["wheel", "touchstart", "keydown", "mousedown"] as const;
    for (const e of events) window.addEventListener(e, stop, { passive: true });

    const settleOn = (hash: string) => {
      timers.forEach(clearTimeout);
      timers = [];
      if (!hash || hash.startsWith("thread-")) return;
      // The click (or key) that made this jump is not a move of the person's own.
      moved = false;
      const settle = () => {
        if (moved) return;
        const target = document.getElementById(hash);
        // (A box inside a part that was not laid out yet reads as empty: no test of where it is, just go there.)
        target?.scrollIntoView({ block: "start" });
      };
      timers = [150, 600, 1500, 3000].map((ms) => setTimeout(settle, ms));
    };
    const current = () => {
      try {
        return decodeURIComponent(window.location.hash.slice(1));
      } catch {
        return "";
      }
    };
    const onHashChange = () => settleOn(current());
    // A click on a link to the hash already in the address scrolls without a hashchange.
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href^='#']");
      if (link) setTimeout(() => settleOn(current()), 0);
    };
    window.addEventListener("hashchange", onHashChange);
    document.addEventListener("click", onClick);
    settleOn(current());
    return () => {
      timers.forEach(clearTimeout);
      for (const e of events) window.removeEventListener(e, stop);
      window.removeEventListener("hashchange", onHashChange);
      document.removeEventListener("click", onClick);
    };
  }, []);
  return null;
}

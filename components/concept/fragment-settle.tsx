"use client";
import { useEffect } from "react";

/**
 * Parts far from the viewport are not laid out (content-visibility in globals.css): their heights are
 * estimates until they come near. A link to a place further down (a search hit, a measure, a part)
 * is scrolled to by the browser before the parts around it have their real size, so it can end up
 * beside the viewport. This scrolls to the link's target again once the page has settled, unless the
 * person has scrolled or typed in the meantime. Threads (#thread-…) are opened by the comment margin.
 */
export function FragmentSettle() {
  useEffect(() => {
    const hash = decodeURIComponent(window.location.hash.slice(1));
    if (!hash || hash.startsWith("thread-")) return;
    let moved = false;
    const stop = () => (moved = true);
    const events = ["wheel", "touchstart", "keydown", "mousedown"] as const;
    for (const e of events) window.addEventListener(e, stop, { passive: true, once: true });
    const settle = () => {
      if (moved) return;
      const target = document.getElementById(hash);
      if (!target) return;
      // (A box inside a part that was not laid out yet reads as empty: no test of where it is, just go there.)
      target.scrollIntoView({ block: "start" });
    };
    const timers = [150, 600, 1500, 3000].map((ms) => setTimeout(settle, ms));
    return () => {
      timers.forEach(clearTimeout);
      for (const e of events) window.removeEventListener(e, stop);
    };
  }, []);
  return null;
}

"use client";
import { useEffect } from "react";

/**
 * Where the reader is: the outline's entry of the chapter or field of action at the top of the
 * screen carries aria-current="location" (bold, with a bar) while scrolling. An IntersectionObserver
 * on a band near the top of the viewport: nothing is measured per scroll step, and the outline's
 * React tree is not re-rendered (the attribute is set on its links directly). Of the places in the
 * band, the last in the document wins: a field of action over the chapter "Handlungsfelder" it sits in.
 */
export function OutlinePosition() {
  useEffect(() => {
    // The places stream in after the outline; on a slow line they are all in the document once it has been read.
    if (document.readyState === "loading") {
      let stop = () => {};
      const start = () => (stop = follow());
      document.addEventListener("DOMContentLoaded", start, { once: true });
      return () => {
        document.removeEventListener("DOMContentLoaded", start);
        stop();
      };
    }
    return follow();
  }, []);
  return null;
}

/** Marks the outline's entry of the place at the top of the screen until the returned function is called. */
function follow(): () => void {
  const nav = document.querySelector<HTMLElement>("nav.outline");
  if (!nav) return () => {};
  const links = new Map<string, HTMLAnchorElement>();
  for (const a of Array.from(nav.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))) links.set(decodeURIComponent(a.hash.slice(1)), a);
  const places = [...links.keys()].map((id) => document.getElementById(id)).filter((el): el is HTMLElement => !!el);
  if (places.length === 0) return () => {};
  const order = new Map(places.map((el, i) => [el.id, i]));
  const inBand = new Set<string>();
  let current: HTMLAnchorElement | null = null;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) inBand.add(e.target.id);
        else inBand.delete(e.target.id);
      }
      if (inBand.size === 0) return; // between two places: the last one stays marked
      const id = [...inBand].sort((a, b) => order.get(a)! - order.get(b)!).at(-1)!;
      const link = links.get(id) ?? null;
      if (link === current) return;
      current?.removeAttribute("aria-current");
      link?.setAttribute("aria-current", "location");
      current = link;
    },
    { rootMargin: "-15% 0px -75% 0px" },
  );
  places.forEach((el) => observer.observe(el));
  return () => {
    observer.disconnect();
    current?.removeAttribute("aria-current");
  };
}

"use client";
import { useEffect } from "react";
import { passageRange } from "./margin-selection";

/**
 * Threads level with their passages, as in a word processor's margin: each open thread of a part
 * moves down (margin-top) until its top is level with the first line of the text it is about, and
 * never up into the thread before it. Beside the text only: below 900 px the margin stands under the
 * part and keeps its plain order. One layout read per part (all positions with the margins reset),
 * then the shifts are added up; it runs again when a part's text changes height (typing, a part that
 * gets laid out as it nears the viewport) or the window's width changes.
 */
export function alignMargin(margin: HTMLElement) {
  // A chapter far from view is not laid out (content-visibility: auto): measuring in it would lay out the whole
  // chapter at once, at load every chapter with a thread (issue 17). Its margins are aligned when it comes near.
  if (margin.checkVisibility?.({ contentVisibilityAuto: true }) === false) return;
  const text = margin.closest(".margin-row")?.querySelector<HTMLElement>(".margin-text");
  const cards = Array.from(margin.querySelectorAll<HTMLElement>(":scope > .margin-thread"));
  for (const card of cards) card.style.marginTop = "";
  if (!text || cards.length === 0) return;
  if (margin.getBoundingClientRect().left < text.getBoundingClientRect().right - 1) return;
  const natural = cards.map((card) => card.getBoundingClientRect().top);
  const wanted = cards.map((card) => {
    const rect = passageRange(card)?.getBoundingClientRect();
    // A passage that is gone, or not laid out yet, keeps its thread where the order puts it.
    return rect && rect.height > 0 ? rect.top : null;
  });
  let shift = 0;
  cards.forEach((card, i) => {
    const at = natural[i]! + shift;
    const extra = Math.max(0, Math.round((wanted[i] ?? at) - at));
    if (extra > 0) card.style.marginTop = `${extra}px`;
    shift += extra;
  });
}

/**
 * Keeps the margins of the page aligned (see alignMargin): those of the rows in the document when it mounts and, on
 * a page still arriving, of those read after.
 */
export function useMarginAlignment() {
  useEffect(() => {
    const rows = new Set<HTMLElement>();
    const pending = new Set<HTMLElement>();
    let frame = 0;
    const schedule = (margin: HTMLElement) => {
      pending.add(margin);
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          const todo = [...pending];
          pending.clear();
          todo.forEach(alignMargin);
        });
    };
    const marginOf = (el: Element) => el.closest(".margin-row")?.querySelector<HTMLElement>(":scope > aside.margin") ?? null;
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const margin = marginOf(entry.target);
        if (margin) schedule(margin);
      }
    });
    // A thread added or removed (the page refreshes after a comment): the row gains or loses its margin, a margin its cards.
    const changes = new MutationObserver((records) => {
      for (const record of records) {
        const margin = marginOf(record.target as Element);
        if (!margin) continue;
        changes.observe(margin, { childList: true });
        schedule(margin);
      }
    });
    const adopt = () => {
      for (const row of Array.from(document.querySelectorAll<HTMLElement>(".margin-row"))) {
        if (rows.has(row)) continue;
        rows.add(row);
        const text = row.querySelector<HTMLElement>(":scope > .margin-text");
        if (text) observer.observe(text);
        changes.observe(row, { childList: true });
        const margin = marginOf(row);
        if (margin) {
          changes.observe(margin, { childList: true });
          schedule(margin);
        }
      }
    };
    adopt();
    // On a slow line the parts streamed in a later piece may not be in the document yet: they are once it has been read.
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", adopt, { once: true });
    const onResize = () => {
      for (const row of rows) {
        const margin = marginOf(row);
        if (margin) schedule(margin);
      }
    };
    window.addEventListener("resize", onResize);
    // A chapter or field of action comes near the viewport and is laid out: its margins can be measured now.
    const onShown = (event: Event) => {
      if ((event as Event & { skipped?: boolean }).skipped || !(event.target instanceof Element)) return;
      event.target.querySelectorAll<HTMLElement>("aside.margin").forEach(schedule);
    };
    // (the event does not bubble: caught on its way down)
    document.addEventListener("contentvisibilityautostatechange", onShown, true);
    return () => {
      document.removeEventListener("DOMContentLoaded", adopt);
      document.removeEventListener("contentvisibilityautostatechange", onShown, true);
      observer.disconnect();
      changes.disconnect();
      window.removeEventListener("resize", onResize);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
}

/**
 * Rendered in the concept page after the parts (behind the chapters streamed after the first): its effect finds their
 * margins only once they are in the document (in the page's shell it ran before them on a navigation from another
 * page). Not with the first chapter: measuring at that moment delayed the first editable part.
 */
export function AlignMargins() {
  useMarginAlignment();
  return null;
}

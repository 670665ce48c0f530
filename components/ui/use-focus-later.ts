"use client";
import { useEffect, useRef } from "react";

/**
 * Put the focus on an element that is about to appear (a new comment after the
 * page's refresh, a button that replaces a closed form), so that it never falls
 * back to the page body. `focusLater(find)` keeps `find` until it returns an
 * element, tried after every render of the calling component.
 */
export function useFocusLater() {
  const pending = useRef<(() => HTMLElement | null | undefined) | null>(null);
  useEffect(() => {
    const find = pending.current;
    if (!find) return;
    const el = find();
    if (el) {
      pending.current = null;
      el.focus();
    }
  });
  return (find: () => HTMLElement | null | undefined) => {
    pending.current = find;
  };
}

/** The element with this data attribute value, e.g. `byData("thread-id", id)`. */
export const byData = (name: string, value: string) => () => document.querySelector<HTMLElement>(`[data-${name}="${CSS.escape(value)}"]`);

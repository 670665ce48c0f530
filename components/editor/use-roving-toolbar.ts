"use client";
import { useCallback, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent } from "react";
import { moveFocus, ROVING_KEYS, tabStop, type RovingKey } from "./roving-focus";

const items = (toolbar: HTMLElement) => [...toolbar.querySelectorAll<HTMLButtonElement>(":scope > button")];

/**
 * Makes a role="toolbar" element one Tab stop (roving tabindex): Left/Right,
 * Home/End move between its buttons, Escape calls `onEscape` (back to the text).
 * The tabindex is set on the DOM after each render, so buttons that become
 * disabled (e.g. "Tabelle einfügen" in a table) hand the Tab stop on.
 */
export function useRovingToolbar(onEscape: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  const remembered = useRef(0);
  const apply = useCallback(() => {
    const toolbar = ref.current;
    if (!toolbar) return;
    const buttons = items(toolbar);
    const stop = tabStop(remembered.current, buttons.map((b) => !b.disabled));
    buttons.forEach((b, i) => (b.tabIndex = i === stop ? 0 : -1));
  }, []);
  useLayoutEffect(apply);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key === "Escape") {
      e.preventDefault();
      onEscape();
      return;
    }
    if (!ROVING_KEYS.includes(e.key)) return;
    const buttons = items(e.currentTarget);
    const next = moveFocus(e.key as RovingKey, buttons.indexOf(document.activeElement as HTMLButtonElement), buttons.map((b) => !b.disabled));
    if (next < 0) return;
    e.preventDefault();
    remembered.current = next;
    apply();
    buttons[next]!.focus();
  };
  // A button reached by mouse or by Tab becomes the remembered one.
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const i = (items(e.currentTarget) as Element[]).indexOf(e.target);
    if (i >= 0 && i !== remembered.current) {
      remembered.current = i;
      apply();
    }
  };
  return { ref, onKeyDown, onFocus };
}

/** Focuses a toolbar's Tab stop (Alt+F10 from the text); false when it has none (all disabled). */
export function focusToolbar(toolbar: Element | null): boolean {
  const stop = toolbar?.querySelector<HTMLButtonElement>(':scope > button[tabindex="0"]:not(:disabled)');
  stop?.focus();
  return !!stop;
}

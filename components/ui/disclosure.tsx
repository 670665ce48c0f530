"use client";
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";

/**
 * A button that shows and hides what belongs to it (WAI-ARIA disclosure
 * pattern: aria-expanded, aria-controls; no role=menu, so links and form
 * controls inside stay ordinary Tab stops). Escape closes and puts the focus
 * back on the button. `kind="menu"` is a short list of links: it also closes
 * when the focus or a click goes elsewhere. `kind="panel"` holds a form whose
 * work may outlast a glance elsewhere (an export): it stays open until closed,
 * and stays mounted while closed, so a running download keeps its state.
 */
export function Disclosure({
  label,
  children,
  kind = "menu",
  testId,
}: {
  label: ReactNode;
  children: ReactNode;
  kind?: "menu" | "panel";
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Opened over the page, right-aligned to its button: moved right as far as needed to stay inside the window
  // (a button near the left edge would otherwise open it beyond the screen, out of reach).
  const content = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = content.current;
    if (!open || !el) return;
    el.style.transform = "";
    const overflow = 8 - el.getBoundingClientRect().left;
    if (overflow > 0 && getComputedStyle(el).position === "absolute") el.style.transform = `translateX(${Math.ceil(overflow)}px)`;
  }, [open]);

  useEffect(() => {
    if (!open || kind !== "menu") return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open, kind]);

  return (
    <div
      ref={root}
      className={`disclosure disclosure-${kind}`}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(e) => {
        if (kind === "menu" && open && e.relatedTarget && !root.current?.contains(e.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button ref={button} type="button" className="button-secondary disclosure-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {label}
        <span className="disclosure-caret" aria-hidden="true" />
      </button>
      <div
        id={id}
        ref={content}
        className="disclosure-content"
        hidden={!open}
        onClick={(e) => {
          // A chosen link (also one within the page, like "#konzept-check") closes the menu.
          if (kind === "menu" && (e.target as HTMLElement).closest("a")) setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
}

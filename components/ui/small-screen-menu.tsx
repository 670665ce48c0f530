"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

/**
 * A disclosure that is a menu on small screens only: the button shows below the
 * width set in app/globals.css (`.small-screen-menu`), and there the panel is
 * hidden until opened; on wide screens the button is gone and the panel always
 * shows. CSS decides, so the page renders at the right size before any script runs.
 * Escape closes it and returns focus to the button; following a link inside
 * (an outline anchor, another page) closes it too.
 */
export function SmallScreenMenu({ label, className, panelClassName, children }: { label: React.ReactNode; className?: string; panelClassName?: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  useEffect(() => setOpen(false), [pathname]);
  return (
    <div
      className={`small-screen-menu${className ? ` ${className}` : ""}`}
      data-open={open ? "true" : "false"}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button ref={button} type="button" className="small-screen-menu-toggle button-secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <svg aria-hidden="true" focusable="false" className="small-screen-menu-icon" width="18" height="18" viewBox="0 0 18 18">
          <path d="M2 4h14M2 9h14M2 14h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        {label}
      </button>
      <div
        id={panelId}
        className={`small-screen-menu-panel${panelClassName ? ` ${panelClassName}` : ""}`}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest("a[href]")) setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A box that scrolls sideways by itself when its content (a wide table, a
 * pasted 10-column table in a text) is wider than the page, so the page never
 * does. Only while it actually scrolls is it a labelled region in the Tab
 * order, so keyboard users can scroll it with the arrow keys (WCAG 2.1.1)
 * without an extra Tab stop at every narrow table.
 */
export function ScrollBox({ label, className, children }: { label: string; className?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const check = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(box);
    for (const child of Array.from(box.children)) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={`scroll-box${className ? ` ${className}` : ""}`}
      {...(scrolls ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
      data-scrolls={scrolls ? "true" : "false"}
    >
      {children}
    </div>
  );
}

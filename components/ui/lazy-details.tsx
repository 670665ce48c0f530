"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A native disclosure (keyboard and screen reader as `<details>` always are) whose content comes into the page
 * only when it is first opened, and then stays. The concept page holds dozens of these, each with a form
 * (assign a part, mark a finding "bewusst so"): closed, they cost nothing while the page loads; the browser's
 * form scan at load (autofill) lays out every chapter that holds a form control (issue 17).
 */
export function LazyDetails({ className, summary, children }: { className: string; summary: ReactNode; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  // Opened before the page was interactive: the toggle came before React listened.
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    // (opened before hydration, the element has an "open" the server did not send: that is the reader's doing)
    <details ref={ref} className={className} onToggle={(e) => e.currentTarget.open && setOpened(true)} suppressHydrationWarning>
      {summary}
      {opened ? children : null}
    </details>
  );
}

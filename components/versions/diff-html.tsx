"use client";
import { useRef } from "react";
import { useStaticHtml } from "@/components/editor/use-static-html";

/**
 * A compared text, sent once: a page load has it in the HTML only (the server rendering reads it by `htmlKey` from
 * the render cache, lib/versions/diff/render.ts), a navigation inside the app in `html`; on the way back to the
 * page it shows what it showed when left. The same mechanism as the concept and review pages' parts.
 */
export function DiffHtml({ htmlKey, html }: { htmlKey: string; html?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useStaticHtml(htmlKey, html, `diff:${htmlKey}`, ref);
  // A page from the server hydrates this element with "" while its HTML holds the text: React leaves it.
  return <div ref={ref} dangerouslySetInnerHTML={{ __html: shown }} suppressHydrationWarning />;
}

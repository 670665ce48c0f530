"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { Member } from "@/lib/review/comment-text";
import type { ThreadView } from "@/lib/review/comments";
import { useStaticHtml } from "@/components/editor/use-static-html";
import { Composer, type TextSelection } from "./composer";
import { ThreadCard, type ReviewViewer } from "./thread-card";

/** The DOM range of [start, end) in the text nodes under root (the anchor text of lib/review/anchor). */
function rangeOf(root: Node, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = (n as Text).data.length;
    if (!started && start < at + len) {
      range.setStart(n, start - at);
      started = true;
    }
    if (started && end <= at + len) {
      range.setEnd(n, end - at);
      return range;
    }
    at += len;
  }
  return null;
}

type HighlightRegistry = { get(name: string): unknown; set(name: string, h: unknown): void };
type HighlightLike = { add(r: Range): void; delete(r: Range): void };

/** One shared highlight per name (CSS Custom Highlight API): sections add and remove their own ranges. */
function highlight(name: string): HighlightLike | null {
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Ctor = (globalThis as unknown as { Highlight?: new () => HighlightLike }).Highlight;
  if (!registry || !Ctor) return null;
  let h = registry.get(name) as HighlightLike | undefined;
  if (!h) {
    h = new Ctor();
    registry.set(name, h);
  }
  return h;
}

/**
 * A rich-text part on the review page: its static HTML with the open threads'
 * passages highlighted (no marks in the document), the threads beside it, and
 * a comment box that takes the selected passage.
 */
export function ReviewSection({
  conceptId,
  sectionId,
  label,
  htmlKey,
  html: propsHtml,
  threads,
  viewer,
  members,
}: {
  conceptId: string;
  sectionId: string;
  label: string;
  /** The text's key in the server's render cache (lib/editor/render.ts): a page load carries the text in its HTML only. */
  htmlKey: string;
  /** The text, on a navigation inside the app (no server rendering to read it from). */
  html?: string;
  threads: ThreadView[];
  viewer: ReviewViewer;
  members: Member[];
}) {
  const t = useTranslations("review");
  const textRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const html = useStaticHtml(htmlKey, propsHtml, `review:${sectionId}:${htmlKey}`, textRef);

  const capture = useCallback(() => {
    const root = textRef.current;
    const sel = document.getSelection();
    if (!root || !sel || sel.rangeCount === 0) return;
    const r = sel.getRangeAt(0);
    if (r.collapsed || !root.contains(r.startContainer) || !root.contains(r.endContainer)) return;
    const before = document.createRange();
    before.selectNodeContents(root);
    before.setEnd(r.startContainer, r.startOffset);
    const start = before.toString().length;
    const quote = r.toString();
    if (quote.trim()) setSelection({ start, end: start + quote.length, quote });
  }, []);

  useEffect(() => {
    const root = textRef.current;
    const h = highlight("kw-comment");
    const hActive = highlight("kw-comment-active");
    if (!root || !h || !hActive) return;
    const ranges: Range[] = [];
    let activeRange: Range | null = null;
    for (const th of threads) {
      if (!th.range || th.state !== "open") continue;
      const r = rangeOf(root, th.range.start, th.range.end);
      if (!r) continue;
      if (th.id === active) activeRange = r;
      else ranges.push(r);
    }
    ranges.forEach((r) => h.add(r));
    if (activeRange) hActive.add(activeRange);
    return () => {
      ranges.forEach((r) => h.delete(r));
      if (activeRange) hActive.delete(activeRange);
    };
  }, [threads, active, htmlKey]);

  return (
    <div className="review-row" id={`review-${sectionId}`} data-testid={`review-${sectionId}`}>
      <div className="rich-text">
        <div
          ref={textRef}
          className="rich-static review-text"
          role="document"
          aria-label={label}
          onMouseUp={capture}
          onKeyUp={capture}
          dangerouslySetInnerHTML={{ __html: html }}
          // A page from the server hydrates this element with "" while its HTML holds the text: React leaves it.
          suppressHydrationWarning
        />
      </div>
      <aside className="review-threads" aria-label={t("threadsOf", { label })}>
        {threads.map((th) => (
          <ThreadCard key={th.id} conceptId={conceptId} thread={th} viewer={viewer} members={members} onFocusThread={setActive} />
        ))}
        {viewer.canComment ? (
          <Composer conceptId={conceptId} target={{ kind: "text", sectionId }} label={label} selection={selection} onDone={() => setSelection(null)} />
        ) : threads.length === 0 ? (
          <p className="meta">{t("noThreads")}</p>
        ) : null}
      </aside>
    </div>
  );
}

/** Threads on a measure or a chapter / field of action, with their comment box. */
export function TargetThreads({
  conceptId,
  target,
  label,
  heading,
  threads,
  viewer,
  members,
}: {
  conceptId: string;
  target: { kind: "measure"; measureId: string } | { kind: "chapter"; chapter: string; fieldKey?: string | null };
  label: string;
  heading: string;
  threads: ThreadView[];
  viewer: ReviewViewer;
  members: Member[];
}) {
  if (!threads.length && !viewer.canComment) return null;
  return (
    <div className="target-threads" role="group" aria-label={heading}>
      {threads.map((th) => (
        <ThreadCard key={th.id} conceptId={conceptId} thread={th} viewer={viewer} members={members} />
      ))}
      {viewer.canComment ? <Composer conceptId={conceptId} target={target} label={label} /> : null}
    </div>
  );
}

import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Member } from "@/lib/review/comment-text";
import type { ThreadView } from "@/lib/review/comments";
import { ThreadCard, type ReviewViewer } from "@/components/review/thread-card";

type MarginProps = {
  conceptId: string;
  threads: ThreadView[];
  viewer: ReviewViewer;
  members: Member[];
  /** measure id → its code and title, for threads on a measure (they stand under their field's heading) */
  measures?: Record<string, string>;
};

/**
 * The threads of one place, rendered on the server: open ones in the order of
 * their passages (as threadsByPlace sorted them), resolved ones folded into "n erledigte Kommentare". Each
 * card carries its passage (offsets and quote) for the page's one client
 * controller (margin-comments.tsx), which highlights it on focus and deep link.
 */
async function Threads({ conceptId, threads, viewer, members, measures = {} }: MarginProps) {
  const t = await getTranslations("margin");
  // Already in passage order (lib/review/margin).
  const open = threads.filter((th) => th.state === "open");
  const resolved = threads.filter((th) => th.state === "resolved");
  const card = (th: ThreadView) => (
    <div key={th.id} className="margin-thread" data-margin-thread={th.id} data-start={th.range?.start} data-end={th.range?.end} data-quote={th.range ? (th.quote ?? undefined) : undefined}>
      {th.measureId && measures[th.measureId] ? <p className="meta margin-measure">{t("onMeasure", { title: measures[th.measureId]! })}</p> : null}
      <ThreadCard conceptId={conceptId} thread={th} viewer={viewer} members={members} />
    </div>
  );
  return (
    <>
      {open.map(card)}
      {resolved.length ? (
        <details className="margin-resolved" data-testid="margin-resolved">
          <summary>{t("resolved", { count: resolved.length })}</summary>
          {resolved.map(card)}
        </details>
      ) : null}
    </>
  );
}

/**
 * A rich-text part with its comment margin beside it (below it on small
 * screens). `children` is the part's editor, left as it is: the margin only
 * wraps it. The margin is also where the composer opens for a selection.
 */
export async function PartMargin({ sectionId, label, children, ...rest }: MarginProps & { sectionId: string; label: string; children: ReactNode }) {
  const t = await getTranslations("review");
  return (
    <div className="margin-row" data-margin-part={sectionId} data-margin-label={label}>
      <div className="margin-text">{children}</div>
      {/* A landmark only where there is something to find: a part without threads gets no empty "Kommentare zu …". */}
      {rest.threads.length ? (
        <aside className="margin" aria-label={t("threadsOf", { label })} data-testid={`margin-${sectionId}`}>
          <div className="margin-slot" data-margin-slot={sectionId} />
          <Threads {...rest} />
        </aside>
      ) : (
        <div className="margin" data-testid={`margin-${sectionId}`}>
          <div className="margin-slot" data-margin-slot={sectionId} />
        </div>
      )}
    </div>
  );
}

/** Threads on a chapter, a field of action or its measures: under the heading, on the concept page too, so that every thread's link lands here. */
export async function PlaceThreads({ heading, ...rest }: MarginProps & { heading: string }) {
  if (!rest.threads.length) return null;
  return (
    <section className="place-threads" aria-label={heading}>
      <Threads {...rest} />
    </section>
  );
}

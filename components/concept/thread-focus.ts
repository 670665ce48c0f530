import { passageRange } from "./margin-selection";

type HighlightLike = { add(r: Range): void; clear(): void };
/** The one "active passage" highlight (CSS Custom Highlight API; nothing is written into the text). */
export function activeHighlight(): HighlightLike | null {
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  const Ctor = (globalThis as unknown as { Highlight?: new () => HighlightLike }).Highlight;
  if (!registry || !Ctor) return null;
  let h = registry.get("kw-comment-active") as HighlightLike | undefined;
  if (!h) registry.set("kw-comment-active", (h = new Ctor()));
  return h;
}

/** Focus a thread of the margin (a deep link `#thread-…`): open its fold, show its passage, put the focus on it. */
export function openThread(id: string) {
  const card = document.querySelector<HTMLElement>(`[data-margin-thread="${CSS.escape(id)}"]`);
  const article = card?.querySelector<HTMLElement>("article");
  if (!card || !article) return;
  const fold = card.closest("details");
  if (fold && !fold.open) fold.open = true;
  article.scrollIntoView({ block: "center" });
  const range = passageRange(card);
  const h = activeHighlight();
  h?.clear();
  if (range) {
    h?.add(range);
    range.startContainer.parentElement?.scrollIntoView({ block: "center" });
  }
  article.focus({ preventScroll: true });
  // Below the part (small screens) the passage and the thread may not fit together: the thread wins.
  const box = article.getBoundingClientRect();
  if (box.bottom < 0 || box.top > window.innerHeight) article.scrollIntoView({ block: "nearest" });
}

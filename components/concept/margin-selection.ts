import type { TextSelection } from "@/components/review/composer";

/*
 * Where a selection is in a part's text, and where a thread's passage is, in
 * the DOM of the concept page: offsets into the part's anchor text, the same
 * string lib/review/anchor builds on the server from the stored document.
 */

/** The part's text element: the live editor or its static HTML (not the toolbar, status line or presence names). */
export const TEXT = ".ProseMirror, .rich-static";

export type Picked = { sectionId: string; label: string; selection: TextSelection; range: Range; root: HTMLElement };

/** The text nodes of a part's text, without editor widgets (a colleague's caret label is not text). */
export function textNodes(root: HTMLElement): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      const widget = n.parentElement?.closest('[contenteditable="false"], .ProseMirror-widget');
      return widget && widget !== root && root.contains(widget) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/**
 * The selection as offsets into the part's anchor text (its text nodes joined,
 * the same string lib/review/anchor builds from the stored document), or null
 * when it is empty or not inside one part's text.
 */
export function pick(sel: Selection | null = document.getSelection()): Picked | null {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const node = range.commonAncestorContainer;
  const root = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest<HTMLElement>(TEXT);
  const part = root?.closest<HTMLElement>("[data-margin-part]");
  if (!root || !part) return null;
  let at = 0;
  let start = -1;
  let end = -1;
  let quote = "";
  for (const n of textNodes(root)) {
    const len = n.data.length;
    if (range.intersectsNode(n)) {
      const from = n === range.startContainer ? range.startOffset : 0;
      const to = n === range.endContainer ? range.endOffset : len;
      if (start < 0) start = at + from;
      end = at + to;
      quote += n.data.slice(from, to);
    }
    at += len;
  }
  if (start < 0 || end <= start || !quote.trim()) return null;
  return { sectionId: part.dataset.marginPart!, label: part.dataset.marginLabel ?? "", selection: { start, end, quote }, range: range.cloneRange(), root };
}

/** The DOM range of a thread's passage in the part as it is now: at its offsets if the text there is still the quote, else the nearest occurrence. */
export function passageRange(card: HTMLElement): Range | null {
  const { start, end, quote } = card.dataset;
  const root = card.closest("[data-margin-part]")?.querySelector<HTMLElement>(TEXT);
  if (!root || !quote || start === undefined || end === undefined) return null;
  const nodes = textNodes(root);
  const text = nodes.map((n) => n.data).join("");
  let from = Number(start);
  if (text.slice(from, Number(end)) !== quote) {
    let best = -1;
    for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) if (best < 0 || Math.abs(i - from) < Math.abs(best - from)) best = i;
    if (best < 0) return null;
    from = best;
  }
  const to = from + quote.length;
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (const n of nodes) {
    const len = n.data.length;
    if (!started && from < at + len) {
      range.setStart(n, from - at);
      started = true;
    }
    if (started && to <= at + len) {
      range.setEnd(n, to - at);
      return range;
    }
    at += len;
  }
  return null;
}


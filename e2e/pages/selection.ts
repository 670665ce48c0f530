import type { Locator } from "@playwright/test";

/**
 * The first occurrence of `text` inside `container` (in one text node): selected as a user's drag would
 * (the DOM selection, then the mouseup the page listens for), or only measured (the top of its first line).
 */
function onText(container: Locator, text: string, select: boolean) {
  return container.evaluate(
    (root, { wanted, select }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + wanted.length);
        if (!select) return range.getBoundingClientRect().top;
        const sel = document.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        return null;
      }
      throw new Error(`"${wanted}" not found`);
    },
    { wanted: text, select },
  );
}

/** Select `text` inside `container` as a user's drag would (scrolled to first, unless `scroll` is false: a box already in view). */
export async function selectText(container: Locator, text: string, { scroll = true }: { scroll?: boolean } = {}) {
  if (scroll) await container.scrollIntoViewIfNeeded();
  await onText(container, text, true);
}

/** Where `text` inside `container` stands: the top of its first line in the viewport, in px. */
export async function textTop(container: Locator, text: string): Promise<number> {
  return (await onText(container, text, false))!;
}

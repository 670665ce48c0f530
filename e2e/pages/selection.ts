import type { Locator } from "@playwright/test";

/** Select `text` inside `container` as a user's drag would (the DOM selection, then the mouseup the page listens for). */
export async function selectText(container: Locator, text: string) {
  await container.scrollIntoViewIfNeeded();
  await container.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + wanted.length);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      return;
    }
    throw new Error(`"${wanted}" not found`);
  }, text);
}

/**
 * A part's server-rendered HTML on the client side of the concept and review pages (issue 17: each part's text is sent
 * once). A document request carries the HTML in the page only: the part's props name it by key, its server
 * rendering reads it from the server's render cache (lib/editor/render.ts), and the browser keeps what it
 * got. A navigation inside the app (no server rendering) gets the HTML in the props instead.
 */
import { renderedHtmlStore } from "@/lib/editor/rendered-html-store";

/** The HTML the server rendered under this key (during the server rendering only). */
function serverRenderedHtml(key: string): string | undefined {
  if (typeof window !== "undefined") return undefined;
  return renderedHtmlStore().get(key);
}

/**
 * What parts showed when they left the page, by part and key (the key is a hash of the text the page brought): going
 * back to the concept (the router restores it from its own payload, which has keys, not HTML) shows the
 * text again. The oldest go first beyond a few concepts' worth.
 */
const shown = new Map<string, string>();
const KEEP = 1000;

export function rememberShownHtml(key: string, html: string) {
  shown.delete(key);
  shown.set(key, html);
  if (shown.size > KEEP) shown.delete(shown.keys().next().value!);
}

function shownHtml(key: string): string | undefined {
  return shown.get(key);
}

/** On a part's static element (collab-section-editor.tsx): the key its text is remembered by, there from the server's HTML on. */
const SHOWN_KEY_ATTRIBUTE = "data-shown-key";

/**
 * Remembers what every part on the page shows, read from the DOM. The concept page hydrates its body after its
 * head (it streams, issue 17): a page left before that never ran its parts' components, which otherwise
 * remember their text when they go (a part that did run overwrites this with its own, its editor's text).
 */
export function rememberPartsInDom(root: ParentNode) {
  for (const element of root.querySelectorAll<HTMLElement>(`[${SHOWN_KEY_ATTRIBUTE}]`)) {
    const key = element.getAttribute(SHOWN_KEY_ATTRIBUTE)!;
    if (element.innerHTML) rememberShownHtml(key, element.innerHTML);
  }
}

/**
 * A part's text when its component starts: on the server what it rendered under `key`; in the browser what the
 * part showed when the page was left (`shownKey`); else null: the server's HTML is in the DOM.
 */
export function knownHtml(key: string, shownKey: string): string | null {
  return serverRenderedHtml(key) ?? shownHtml(shownKey) ?? null;
}

/**
 * What a part's static element renders: "" while the DOM shows the text the page load brought (`loadedKey`, the
 * key a page load put into the HTML; React then leaves the element alone), else the text from the props, else the
 * text known to the part (knownHtml, or what it read from the DOM).
 */
export function htmlToRender(key: string, loadedKey: string | null, known: string | null, propsHtml: string | undefined): string {
  return known === null && key === loadedKey ? "" : (propsHtml ?? known ?? "");
}

/** Whether rendered HTML holds no text (a part's writing hint shows then). */
export function isEmptyHtml(html: string) {
  return html.replace(/<[^>]+>/g, "").trim() === "";
}

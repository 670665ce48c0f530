import { useLayoutEffect, useRef, useState, type RefObject } from "react";
import { htmlToRender, knownHtml, rememberShownHtml } from "./static-html";

/**
 * The HTML a read-only part's element renders, for a part that never becomes an editor (the review page):
 * "" while the DOM holds the text the page load brought under `key` (hydrate that element with
 * suppressHydrationWarning), else `html` from the props (a navigation inside the app, or a refresh after the
 * text changed), else what the part showed when the page was left. On leaving, what `ref` shows is remembered
 * under `shownKey`.
 */
export function useStaticHtml(key: string, html: string | undefined, shownKey: string, ref: RefObject<HTMLElement | null>): string {
  const [loadedKey] = useState(() => (html === undefined ? key : null));
  const [known] = useState(() => knownHtml(key, shownKey));
  const shown = htmlToRender(key, loadedKey, known, html);
  const latest = useRef({ shown, shownKey });
  latest.current = { shown, shownKey };
  useLayoutEffect(() => {
    const element = ref.current;
    return () => {
      const text = element?.innerHTML || latest.current.shown;
      if (text) rememberShownHtml(latest.current.shownKey, text);
    };
  }, [ref]);
  return shown;
}

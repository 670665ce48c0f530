"use client";
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { useFromServerHtml } from "./from-server-html";

/** Set once a page that showed waiting text fields was idle. */
let pageIdle = false;

/**
 * Whether a text field may be a real one yet (issue 17). A text field in the page's HTML from the server shows
 * its text in a box of the same size first, and becomes the real field once the browser is idle after loading:
 * the browser's form scan when a page has loaded (autofill) lays out every chapter that holds a text field, one
 * by one through content-visibility, about 100 ms on the concept page and far more on the review page with a
 * reply field per thread. Idle means requestIdleCallback, at most 1.5 s after the page came; `now()` (a click on
 * the box) brings the field at once and puts the caret in it (`field`). A field rendered in the browser (a form
 * just opened, a navigation inside the app) is real at once.
 */
export function useAfterLoad(field: RefObject<HTMLElement | null>): [live: boolean, now: () => void] {
  // The server's snapshot while the page's HTML is hydrated (and on the server), the browser's for a new field.
  const fromServerHtml = useFromServerHtml();
  const [live, setLive] = useState(!fromServerHtml);
  useEffect(() => {
    if (live) return;
    const go = () => {
      pageIdle = true;
      setLive(true);
    };
    if (pageIdle) return go();
    if (typeof requestIdleCallback === "function") {
      const handle = requestIdleCallback(go, { timeout: 1500 });
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(go, 200);
    return () => clearTimeout(handle);
  }, [live]);
  const focusWhenLive = useRef(false);
  useLayoutEffect(() => {
    if (!live || !focusWhenLive.current) return;
    focusWhenLive.current = false;
    field.current?.focus();
  }, [live, field]);
  const now = () => {
    focusWhenLive.current = true;
    setLive(true);
  };
  return [live, now];
}

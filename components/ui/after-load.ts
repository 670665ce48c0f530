"use client";
import { useEffect, useState, useSyncExternalStore } from "react";

/** Set once a page that showed waiting text fields was idle. */
let pageIdle = false;
const noSubscription = () => () => {};

/**
 * Whether a text field may be a real one yet (issue 17). A text field in the page's HTML from the server shows
 * its text in a box of the same size first, and becomes the real field once the browser is idle after loading:
 * the browser's form scan when a page has loaded (autofill) lays out every chapter that holds a text field, one
 * by one through content-visibility, about 100 ms on the concept page and far more on the review page with a
 * reply field per thread. Idle means requestIdleCallback, at most 1.5 s after the page came; `now()` (a click on
 * the box) brings the field at once. A field rendered in the browser (a form just opened, a navigation inside
 * the app) is real at once.
 */
export function useAfterLoad(): [live: boolean, now: () => void] {
  // The server's snapshot while the page's HTML is hydrated (and on the server), the browser's for a new field.
  const fromServerHtml = useSyncExternalStore(noSubscription, () => false, () => true);
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
  return [live, () => setLive(true)];
}

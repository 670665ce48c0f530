"use client";
import { useEffect } from "react";
import { openThread } from "./thread-focus";

/**
 * Follows deep links `#thread-…` (from "Für mich", a mail, the review page): on arrival, after the
 * browser's or router's own jump to the heading, and when the hash changes. It is rendered in the page's
 * streamed body, after the parts and their threads, so its effect runs only once the threads are in the
 * document; in the page's shell it ran before them on a navigation from another page and found nothing.
 */
export function FollowThreadLinks() {
  useEffect(() => {
    const follow = () => {
      const m = /^#thread-([0-9a-f-]{36})$/i.exec(window.location.hash);
      if (m) requestAnimationFrame(() => setTimeout(() => openThread(m[1]!), 0));
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);
  return null;
}

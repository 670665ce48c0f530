/**
 * THE one extension list. The browser editor, the server-side validation and the
 * static HTML rendering all import it, so what the editor can produce is exactly
 * what the server accepts and renders.
 */
import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";

export const ALLOWED_LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

/** A link target is allowed when it is http(s), mailto, or a relative path/anchor. */
export function isAllowedHref(href: unknown): boolean {
  if (typeof href !== "string" || href.length === 0 || href.length > 2048) return false;
  const trimmed = href.trim();
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"): strip them first.
  const normalised = trimmed.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normalised)?.[1];
  if (!scheme) return !normalised.startsWith("//");
  return (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(scheme);
}

export const HEADING_LEVELS = [3, 4] as const;

export const editorExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [...HEADING_LEVELS] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    // Would append an empty paragraph on load, which counts as an edit and triggers a save.
    trailingNode: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      protocols: [...ALLOWED_LINK_PROTOCOLS],
      isAllowedUri: (url) => isAllowedHref(url),
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
  }),
  TableKit.configure({ table: { resizable: false } }),
];

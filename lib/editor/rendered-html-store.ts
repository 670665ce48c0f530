/**
 * The server's rendered part HTML by key, on globalThis: the page's server components (lib/editor/render.ts
 * fills it) and the server rendering of its client components (components/editor/static-html.ts reads it)
 * are separate module graphs in one process.
 */
const STORE = Symbol.for("konzeptwerk.renderedHtml");

export function renderedHtmlStore(): Map<string, string> {
  const holder = globalThis as Record<symbol, Map<string, string> | undefined>;
  return (holder[STORE] ??= new Map());
}

/**
 * The Content-Security-Policy of every page, with a fresh nonce per request
 * (proxy.ts sets it; Next.js reads the nonce from the request's CSP header and
 * puts it on its own scripts, so pages must be rendered per request).
 *
 * Scripts: only those carrying the nonce, and what they load ('strict-dynamic').
 * Style elements and stylesheets: our own files or the nonce; Tiptap's injected
 * <style> is switched off (components/editor/prosemirror.css instead).
 * Style attributes: allowed ('unsafe-inline' in style-src-attr only). React's
 * `style` props, ProseMirror/Tiptap (table column widths, text alignment) and
 * the visx charts write inline style attributes, and there is no nonce for an
 * attribute. The risk accepted is small: an attribute has no selectors (so no
 * CSS-based reading of the page), and url() in it is held by img-src/font-src.
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // In development Next.js injects styles without a nonce.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: the per-request nonce. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

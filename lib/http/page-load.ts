/**
 * Whether a request loads a page as a document (the browser's address bar, a link followed without the app's
 * router, a form sent without JavaScript) rather than the app's router fetching a page's payload. Next.js keeps
 * its own "rsc" header from the page, so the browser's Sec-Fetch-Dest decides; a client that sends none counts
 * as a document when it asks for HTML.
 */
export function isDocumentRequest(headers: Headers): boolean {
  const dest = headers.get("sec-fetch-dest");
  return dest ? dest === "document" : (headers.get("accept") ?? "").includes("text/html");
}

/**
 * The real-time code (Yjs, the Hocuspocus client, the browser's copy in IndexedDB), fetched by
 * editor-code.ts when the page starts rather than shipped in its first load (issue 17): a reader sees
 * the text before it arrives, and nothing on the page needs it before the socket opens.
 */
import * as Y from "yjs";

export { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
export { OfflineCopy } from "./offline-copy";
export { hasText } from "./has-text";

export function newDoc() {
  return new Y.Doc();
}

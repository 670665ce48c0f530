/**
 * A Hocuspocus socket from Node that sends the headers a browser would (session
 * cookie, Origin): the one copy for the real-time tests, the crash test and the benchmarks.
 */
import { HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";

export function realtimeSocket(url: string, headers: Record<string, string>, options: { maxAttempts?: number } = {}) {
  class HeaderWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: HeaderWebSocket, ...options });
}

/** The real-time address of an app at `base` (http://host:port). */
export function realtimeUrl(base: string) {
  return `${base.replace(/^http/, "ws")}/api/realtime`;
}

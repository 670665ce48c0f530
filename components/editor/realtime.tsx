"use client";
import type { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { REALTIME_PATH } from "@/lib/realtime/path";
import { loadEditorCode, loadLiveCode } from "./editor-code";
import { createValueStore, type ValueStore } from "@/components/ui/value-store";
import { dropWarmPart, warmPart } from "./warm-part";

export type Me = { id: string; name: string };
export type PresenceUser = { id: string; name: string; color: number; sectionId: string | null };

type Realtime = {
  socket: HocuspocusProviderWebsocket;
  presence: HocuspocusProvider;
  me: Me;
  color: number;
};

/*
 * The context holds a store that never changes, not the connection itself: a new context value would reach
 * into parts of the page that are still the server's HTML (a boundary still streaming in), and React then
 * renders such a part anew on the client instead of hydrating it, losing the text that is only in the HTML
 * and leaving the server's copy behind, hidden. Components read it with useRealtime.
 */
const RealtimeContext = createContext<ValueStore<Realtime | null> | null>(null);
const newRealtimeStore = () => createValueStore<Realtime | null>(null);

/** One of eight caret colours per person, the same in every tab and for every colleague. */
export function colorOf(userId: string) {
  let h = 0;
  for (const c of userId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 8;
}

export function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? parts[parts.length - 1]![0] : "")).toUpperCase();
}

/**
 * The concept page's one WebSocket (every part's document is multiplexed over
 * it) and its presence channel: who is in the concept, and in which part.
 */
export function RealtimeRoot({ conceptId, me, children }: { conceptId: string; me: Me; children: ReactNode }) {
  const [store] = useState(newRealtimeStore);
  const setRealtime = store.set;
  useEffect(() => {
    // The Hocuspocus client is not in the page's first load (issue 17): the socket opens once it is here.
    let cancelled = false;
    let close = () => {};
    const open = () =>
      loadLiveCode().then((live) => {
        if (cancelled) return;
        const { HocuspocusProvider, HocuspocusProviderWebsocket } = live;
        const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${REALTIME_PATH}`;
        const socket = new HocuspocusProviderWebsocket({ url });
        const presence = new HocuspocusProvider({ websocketProvider: socket, name: `presence:${conceptId}`, token: "session" });
        presence.attach();
        const color = colorOf(me.id);
        const person = { id: me.id, name: me.name };
        presence.setAwarenessField("user", { ...person, color, sectionId: null });
        // before the parts hear of the socket: a part that asks for its document finds the warmed one
        warmPart(live, socket);
        // The editor's code next (a part needs it as soon as it has hydrated), now that the socket is on its way.
        void loadEditorCode().catch(() => {});
        setRealtime({ socket, presence, me: person, color });
        // The browser knows before the socket does (an idle socket can take a minute to notice): follow it.
        const offline = () => socket.disconnect();
        const online = () => void socket.connect();
        window.addEventListener("offline", offline);
        window.addEventListener("online", online);
        close = () => {
          window.removeEventListener("offline", offline);
          window.removeEventListener("online", online);
          dropWarmPart();
          presence.destroy();
          socket.destroy();
          setRealtime(null);
        };
      });
    // A failed fetch (the network gone while the page loaded) is tried again when the browser is back online.
    const retry = () => void open().catch(() => {});
    open().catch(() => window.addEventListener("online", retry, { once: true }));
    return () => {
      cancelled = true;
      window.removeEventListener("online", retry);
      close();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one connection per person and concept, not per render
  }, [conceptId, me.id, me.name, store]);
  return <RealtimeContext.Provider value={store}>{children}</RealtimeContext.Provider>;
}

const noStore = () => () => {};
const nothing = () => null;

export function useRealtime(): Realtime | null {
  const store = useContext(RealtimeContext);
  return useSyncExternalStore(store?.subscribe ?? noStore, store?.get ?? nothing, nothing);
}

/** Everybody else in the concept now (one entry per person, even with several tabs). */
export function usePresence(): PresenceUser[] {
  const realtime = useRealtime();
  const [people, setPeople] = useState<PresenceUser[]>([]);
  useEffect(() => {
    if (!realtime) return;
    const awareness = realtime.presence.awareness;
    if (!awareness) return;
    const update = () => {
      const byId = new Map<string, PresenceUser>();
      for (const [clientId, state] of awareness.getStates()) {
        const user = (state as { user?: PresenceUser }).user;
        if (!user || clientId === awareness.clientID || user.id === realtime.me.id) continue;
        const known = byId.get(user.id);
        if (!known || (!known.sectionId && user.sectionId)) byId.set(user.id, user);
      }
      setPeople([...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "de")));
    };
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [realtime]);
  return people;
}

/** Tell the others which part this person is writing in (null when none). */
export function announcePart(realtime: Realtime | null, sectionId: string | null) {
  if (!realtime) return;
  realtime.presence.setAwarenessField("user", { id: realtime.me.id, name: realtime.me.name, color: realtime.color, sectionId });
}

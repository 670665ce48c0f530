/** Real-time test rig: the app's Hocuspocus on a real HTTP port, and Node clients that sign in with a real session cookie. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { encode } from "next-auth/jwt";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll } from "vitest";
import * as Y from "yjs";
import { closeDb } from "@/db";
import { createAuthSession } from "@/db/queries/users";
import type { Actor } from "@/lib/authz/require-role";
import { REALTIME_PATH } from "@/lib/realtime/path";
import { startRealtime } from "@/lib/realtime/server";
import { realtimeSocket } from "../../scripts/realtime-socket";
import { makeMunicipality } from "./fixtures";

process.env.AUTH_SECRET ||= "realtime-test-secret-0123456789abcdef";

export async function startRealtimeServer(options: { redisUrl?: string; register?: boolean } = {}) {
  const server = http.createServer((_req, res) => res.end());
  const realtime = await startRealtime({ debounceMs: 200, maxDebounceMs: 1000, ...options });
  realtime.attach(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}${REALTIME_PATH}`,
    origin: `http://127.0.0.1:${port}`,
    realtime,
    async stop() {
      await realtime.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * One test file's town and real-time server, made before its tests and stopped after them together with every
 * client opened through `client`.
 */
export function realtimeSuite(townName: string) {
  let town: Awaited<ReturnType<typeof makeMunicipality>> | undefined;
  let rig: Awaited<ReturnType<typeof startRealtimeServer>> | undefined;
  const open: Client[] = [];
  beforeAll(async () => {
    town = await makeMunicipality(townName);
    rig = await startRealtimeServer();
  });
  afterAll(async () => {
    for (const c of open) c.destroy();
    await rig?.stop();
    await closeDb();
  });
  return {
    get town() {
      return town!;
    },
    get rig() {
      return rig!;
    },
    /** A client of document `name`, signed in as `actor`. */
    async client(actor: Actor, name: string) {
      const c = connect(rig!.url, name, { cookie: (await sessionCookie(actor)).cookie, origin: rig!.origin });
      open.push(c);
      return c;
    },
  };
}

/** A session row and the Auth.js cookie a browser of this actor would send. */
export async function sessionCookie(actor: Actor) {
  const sid = randomBytes(18).toString("base64url");
  await createAuthSession({ id: sid, userId: actor.id, expiresAt: new Date(Date.now() + 3_600_000) });
  const name = "authjs.session-token";
  const token = await encode({ token: { sub: actor.id, sid }, secret: process.env.AUTH_SECRET!, salt: name });
  return { sid, cookie: `${name}=${token}` };
}

export type Client = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  denied: string | null;
  scope: string | null;
  closedReasons: string[];
  text: () => string;
  type: (s: string) => void;
  destroy: () => void;
};

/** A client of one document, authenticated by cookie (or not at all). */
export function connect(url: string, name: string, options: { cookie?: string; origin?: string; doc?: Y.Doc } = {}): Client {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  const doc = options.doc ?? new Y.Doc();
  const socket = realtimeSocket(url, headers, { maxAttempts: 1 });
  const client: Client = {
    doc,
    socket,
    provider: null as unknown as HocuspocusProvider,
    denied: null,
    scope: null,
    closedReasons: [],
    text: () => textOf(doc),
    type: (s: string) => typeInto(doc, s),
    destroy: () => {
      client.provider.destroy();
      socket.destroy();
    },
  };
  client.provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token: "session",
    onAuthenticationFailed: ({ reason }) => {
      client.denied = reason;
    },
    onAuthenticated: ({ scope }) => {
      client.scope = scope;
    },
    onClose: ({ event }) => {
      if (event.reason) client.closedReasons.push(event.reason);
    },
  });
  client.provider.attach();
  return client;
}

/** All text of the part's fragment, paragraphs joined by newlines. */
export function textOf(doc: Y.Doc) {
  return doc
    .getXmlFragment("default")
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((t) => (t instanceof Y.XmlText ? t.toString().replace(/<[^>]+>/g, "") : "")).join("") : ""))
    .join("\n");
}

/** Type at the end of the first paragraph, as an editor would. */
export function typeInto(doc: Y.Doc, s: string) {
  const fragment = doc.getXmlFragment("default");
  doc.transact(() => {
    let first = fragment.get(0) as Y.XmlElement | undefined;
    if (!first) {
      first = new Y.XmlElement("paragraph");
      fragment.insert(0, [first]);
    }
    let text = first.get(0) as Y.XmlText | undefined;
    if (!(text instanceof Y.XmlText)) {
      text = new Y.XmlText();
      first.insert(0, [text]);
    }
    text.insert(text.length, s);
  });
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 8000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Zeitüberschreitung: ${what}`);
}

/** A hand-made presence message: one entry, as the Yjs protocol encodes it. */
export function sendPresence(c: Client, name: string, clientId: number, clock: number, state: unknown) {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const message = encoding.createEncoder();
  encoding.writeVarString(message, name);
  encoding.writeVarUint(message, 1); // awareness
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  c.socket.send(encoding.toUint8Array(message));
}

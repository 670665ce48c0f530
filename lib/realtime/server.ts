import "server-only";
import type http from "node:http";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { Hocuspocus, MessageType, OutgoingMessage, type Connection, type Document, type Extension } from "@hocuspocus/server";
import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import * as decoding from "lib0/decoding";
import pg from "pg";
import * as Y from "yjs";
import { pgConnectionConfig } from "@/db";
import { appendClientUpdate } from "@/db/queries/realtime";
import { validateDoc } from "@/lib/editor/validate";
import { dropUntrustedForwardedHeaders, isSameOriginRequest } from "@/lib/http/origin";
import { logUpgrade } from "@/lib/http/request-log";
import { errorFields, log } from "@/lib/log";
import { recordSectionSave } from "@/lib/ops/metrics";
import { REALTIME_PATH } from "./path";
import { decideAccess, parseDocumentName, sessionIdFromHeaders, type ConnectionContext } from "./access";
import { awarenessRefusal } from "./awareness-guard";
import { compactSection, loadSectionState } from "./store";
import { CHANGED_TEXT_MESSAGE, checkSuggestOnlyChange } from "@/lib/suggestions/guard";
import { checkFragment, jsonFromDoc } from "./ydoc";
import { REFUSED_UPDATE } from "./close-reason";

class Refused extends Error {
  constructor(public reason: string) {
    super(reason);
  }
}

const NOT_INTEGRABLE = "Die Änderung baut auf einem Stand auf, den der Server nicht kennt. Bitte die Seite neu laden.";
const UNREADABLE_UPDATE = "Die Änderung ist beschädigt und konnte nicht gelesen werden (z. B. ein ungültiges Zeichen).";

/**
 * What the app's browsers send. Hocuspocus applies a sync reply exactly like a sync message, so its update passes
 * the same checks; stateless messages (relayed as they are to every connection of the document) and anything
 * unknown are refused.
 */
const ACCEPTED_MESSAGES = new Set<number>([MessageType.Sync, MessageType.SyncReply, MessageType.Awareness, MessageType.QueryAwareness, MessageType.Auth, MessageType.CLOSE]);
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * The Yjs update inside a sync message (step 2 or update), or null for every other message the app's browsers send.
 * Refused: a message of another type.
 */
export function updateOfMessage(data: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(data);
  let type: number;
  try {
    decoding.readVarString(decoder); // document name
    type = decoding.readVarUint(decoder);
  } catch {
    throw new Refused(`${REFUSED_UPDATE}${UNREADABLE_UPDATE}`);
  }
  if (!ACCEPTED_MESSAGES.has(type)) throw new Refused(`${REFUSED_UPDATE}Diese Art Nachricht nimmt der Server nicht an.`);
  if (type !== MessageType.Sync && type !== MessageType.SyncReply) return null;
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return null;
  return decoding.readVarUint8Array(decoder);
}

/** Does `update` add anything to `doc`? (A client's sync step 2 usually does not.) Refused when it cannot be decoded. */
function addsToDoc(doc: Y.Doc, update: Uint8Array) {
  try {
    return !Y.snapshotContainsUpdate(Y.snapshot(doc), update);
  } catch {
    throw new Refused(`${REFUSED_UPDATE}${UNREADABLE_UPDATE}`);
  }
}

/**
 * The server's check of a client's update before it is stored: applied to a
 * copy of the live document, the part's text must pass the same validation as
 * every other write (schema, size, nesting, links, NUL and broken Unicode).
 * The structure is walked iteratively first (checkFragment): the conversion to
 * JSON recurses per level, and the update comes from the network. `base`
 * (updates accepted before this one in the same batch) is applied first. For a
 * suggest-only connection (a reviewer) the change must be nothing but the
 * person's own proposals (lib/suggestions/guard.ts), judged against the copy
 * before the update: refused, it never reaches the shared document.
 */
function checkUpdate(doc: Y.Doc, update: Uint8Array, options: { base?: Uint8Array; suggestBy?: string } = {}): string | null {
  const copy = new Y.Doc();
  let before: ReturnType<typeof jsonFromDoc> | null = null;
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    if (options.base) Y.applyUpdate(copy, options.base);
    if (options.suggestBy) before = jsonFromDoc(copy);
    // Strings are UTF-8 on the wire and decoded strictly: an encoded lone surrogate throws here.
    Y.applyUpdate(copy, update);
  } catch {
    return UNREADABLE_UPDATE;
  }
  // What Yjs cannot integrate yet (a gap in some client's clock) would be integrated later by somebody else's update,
  // unseen by this check: a suggest-only connection's update must integrate whole, now.
  if (options.suggestBy && (copy.store.pendingStructs || copy.store.pendingDs)) return NOT_INTEGRABLE;
  const shape = checkFragment(copy, doc);
  if (shape) return shape;
  const validation = validateDoc(jsonFromDoc(copy));
  if (!validation.ok) return validation.error;
  if (!options.suggestBy || !before) return null;
  try {
    // `before` is the shared document as stored (checked when it was written), in the schema's canonical form.
    return checkSuggestOnlyChange(before, validation.doc, options.suggestBy);
  } catch {
    return CHANGED_TEXT_MESSAGE;
  }
}

type Pending = { update: Uint8Array; ctx: ConnectionContext; connection: Connection; resolve: () => void; reject: (error: unknown) => void };

async function store(ctx: ConnectionContext, update: Uint8Array) {
  let stored: boolean;
  try {
    stored = await appendClientUpdate({
      sectionId: ctx.sectionId!,
      conceptId: ctx.conceptId,
      municipalityId: ctx.municipalityId,
      userId: ctx.userId,
      sessionId: ctx.sessionId,
      suggestOnly: ctx.suggestOnly,
      update,
    });
  } catch (error) {
    log.error({ event: "realtime.store_failed", sectionId: ctx.sectionId, error: errorFields(error) }, "Echtzeit: Änderung nicht gespeichert");
    // Not acknowledged: the browser keeps the change and sends it again when it reconnects.
    throw new Refused("Die Änderung konnte gerade nicht gespeichert werden. Sie bleibt in Ihrem Browser und wird erneut gesendet.");
  }
  if (!stored) throw new Refused("Keine Schreibrechte mehr (Rolle, Sitzung oder Status des Konzepts haben sich geändert).");
  recordSectionSave("realtime");
}

/**
 * Check and store the updates that came in for one document while the last batch
 * was being stored. They are checked together on a copy of the document (each
 * update may build on the one before); only if that fails is each one checked
 * alone, so only the offending connection is refused. Each session's updates are
 * merged into one row of the log (its insert re-checks that session's rights).
 */
async function storeBatch(document: Y.Doc, batch: Pending[]) {
  const items = batch.filter((item) => {
    try {
      // Order matters: the presence channel's empty sync messages add nothing and are simply answered.
      if (!addsToDoc(document, item.update)) {
        item.resolve();
        return false;
      }
      if (!item.ctx.sectionId) throw new Refused("In diesem Kanal wird kein Text gespeichert.");
      return true;
    } catch (error) {
      item.reject(error);
    }
    return false;
  });
  if (items.length === 0) return;
  let accepted = items;
  // A reviewer's update is judged on its own (whose proposals changed depends on who sent it).
  const anySuggestOnly = items.some((i) => i.ctx.suggestOnly);
  if (anySuggestOnly || checkUpdate(document, Y.mergeUpdates(items.map((i) => i.update))) !== null) {
    // Somebody's update breaks the document: find whose, building on the accepted ones before it.
    accepted = [];
    for (const item of items) {
      const base = accepted.length ? Y.mergeUpdates(accepted.map((i) => i.update)) : undefined;
      const problem = checkUpdate(document, item.update, { base, suggestBy: item.ctx.suggestOnly ? item.ctx.userId : undefined });
      if (problem) item.reject(new Refused(`${REFUSED_UPDATE}${problem}`));
      else accepted.push(item);
    }
  }
  const bySession = new Map<string, Pending[]>();
  for (const item of accepted) bySession.set(item.ctx.sessionId, [...(bySession.get(item.ctx.sessionId) ?? []), item]);
  for (const group of bySession.values()) {
    try {
      await store(group[0]!.ctx, group.length === 1 ? group[0]!.update : Y.mergeUpdates(group.map((i) => i.update)));
      // Into the live document now, not only when Hocuspocus applies the message a few promise turns later: the next
      // batch is checked against this document at once, and a keystroke building on this one would look like a gap.
      // Hocuspocus's own apply then finds nothing new (no second broadcast); the origin is the sender, as in its apply.
      for (const item of group) Y.applyUpdate(document, item.update, item.connection);
      for (const item of group) item.resolve();
    } catch (error) {
      for (const item of group) item.reject(error);
    }
  }
}

type Realtime = {
  hocuspocus: Hocuspocus;
  /** Take WebSocket upgrades on REALTIME_PATH of this HTTP server, same origin only (the session cookie rides along). */
  attach: (server: http.Server) => void;
  /** Re-check the access of open connections (after a role change, removal, sign-out, adoption). */
  recheck: (filter: { conceptId?: string; userId?: string }) => Promise<void>;
  close: () => Promise<void>;
};

const KEY = Symbol.for("konzeptwerk.realtime");
const globalRealtime = globalThis as unknown as { [KEY]?: Realtime };

export function getRealtime(): Realtime | null {
  return globalRealtime[KEY] ?? null;
}

/**
 * The real-time server (Hocuspocus) inside the app's own process: one Yjs
 * document per rich-text part (`section:<id>`) and one presence channel per
 * concept (`presence:<conceptId>`, awareness only), multiplexed over one
 * WebSocket per browser tab.
 */
export async function startRealtime(
  options: {
    debounceMs?: number;
    maxDebounceMs?: number;
    /** several app processes share open documents through Redis (default: REDIS_URL) */
    redisUrl?: string | null;
    /** false: an extra instance that is not this process's one (tests of two processes in one) */
    register?: boolean;
  } = {},
): Promise<Realtime> {
  const register = options.register ?? true;
  const existing = register ? getRealtime() : null;
  if (existing) return existing;

  // Messages of one document are checked and stored one batch after another, in the order they came:
  // whatever arrived while a batch was being stored goes into the next one (one check, one insert per session).
  const pending = new Map<string, Pending[]>();
  const draining = new Set<string>();
  const submit = (name: string, document: Y.Doc, update: Uint8Array, ctx: ConnectionContext, connection: Connection) =>
    new Promise<void>((resolve, reject) => {
      const list = pending.get(name) ?? [];
      list.push({ update, ctx, connection, resolve, reject });
      pending.set(name, list);
      if (!draining.has(name)) void drain(name, document);
    });
  const drain = async (name: string, document: Y.Doc) => {
    draining.add(name);
    try {
      for (let batch = pending.get(name); batch?.length; batch = pending.get(name)) {
        pending.delete(name);
        // Whatever goes wrong unexpectedly refuses the batch (a settled promise ignores a second answer), never stalls the queue.
        await storeBatch(document, batch).catch((error: unknown) => batch.forEach((item) => item.reject(error)));
      }
    } finally {
      draining.delete(name);
    }
  };

  const extensions: Extension[] = [];
  const redisUrl = options.redisUrl === undefined ? process.env.REDIS_URL : options.redisUrl;
  if (redisUrl) {
    const url = new URL(redisUrl);
    extensions.push(new RedisExtension({ host: url.hostname, port: Number(url.port || 6379), options: { password: url.password || undefined, lazyConnect: false } }));
  }

  const hocuspocus = new Hocuspocus({
    name: "konzeptwerk",
    quiet: true,
    debounce: options.debounceMs ?? 1500,
    maxDebounce: options.maxDebounceMs ?? 8000,
    extensions,

    async onAuthenticate({ documentName, requestHeaders, connectionConfig }) {
      const target = parseDocumentName(documentName);
      if (!target) throw new Refused("Unbekanntes Dokument.");
      const decision = await decideAccess(await sessionIdFromHeaders(requestHeaders), target);
      if (!decision.ok) throw new Refused(decision.reason);
      connectionConfig.readOnly = decision.context.readOnly;
      return decision.context;
    },

    async onLoadDocument({ documentName, document }) {
      const target = parseDocumentName(documentName);
      if (!target) throw new Refused("Unbekanntes Dokument.");
      if (target.kind === "presence") return document;
      // A failed load refuses the connection: an empty document is never served (nor later stored over the text).
      const stored = await loadSectionState(target.sectionId);
      if (!stored) throw new Refused("Diesen Abschnitt gibt es nicht.");
      Y.applyUpdate(document, Y.mergeUpdates(stored.updates), "load");
      return document;
    },

    async beforeHandleMessage({ documentName, document, update: message, connection, context }) {
      const update = updateOfMessage(message);
      if (!update) {
        // presence (awareness), sync step 1
        const refusal = awarenessRefusal(message, document, connection, context as ConnectionContext);
        if (refusal) throw new Refused(refusal);
        return;
      }
      if (connection.readOnly) return; // a read-only connection's write is refused by Hocuspocus
      await submit(documentName, document, update, context as ConnectionContext, connection);
    },

    async onStoreDocument({ documentName }) {
      const target = parseDocumentName(documentName);
      if (target?.kind !== "section") return;
      // Everything acknowledged is already in the update log; this folds it into the state and the JSON.
      await compactSection(target.sectionId);
    },
  });

  const connections = () => {
    const all: { document: Document; connection: Connection; context: ConnectionContext }[] = [];
    for (const document of hocuspocus.documents.values()) {
      for (const { connection } of document.connections.values()) all.push({ document, connection, context: connection.context as ConnectionContext });
    }
    return all;
  };

  const recheck = async (filter: { conceptId?: string; userId?: string }) => {
    for (const { document, connection, context } of connections()) {
      if (filter.conceptId && context.conceptId !== filter.conceptId) continue;
      if (filter.userId && context.userId !== filter.userId) continue;
      const target = parseDocumentName(document.name);
      const decision = target ? await decideAccess(context.sessionId, target) : { ok: false as const, reason: "" };
      if (!decision.ok) {
        connection.close({ code: 4403, reason: decision.reason });
      } else if (decision.context.readOnly !== connection.readOnly || decision.context.suggestOnly !== context.suggestOnly) {
        // A role change between editor and reviewer: from the next message on, the other check applies.
        context.suggestOnly = decision.context.suggestOnly;
        // Down- or upgrade in place: the server enforces the new scope from the next message on, the browser's editor follows it.
        connection.readOnly = decision.context.readOnly;
        connection.send(new OutgoingMessage(document.name).writeAuthenticated(connection.readOnly).toUint8Array());
      }
    }
  };

  // Server-side writes and access changes from any process reach the open documents of this one.
  const onNotification = (n: pg.Notification) => {
    let payload: { kind?: string; sectionId?: string; conceptId?: string; userId?: string };
    try {
      payload = JSON.parse(n.payload ?? "{}");
    } catch {
      return;
    }
    if (payload.kind === "section" && payload.sectionId) void resync(payload.sectionId);
    if (payload.kind === "access") void recheck({ conceptId: payload.conceptId, userId: payload.userId }).catch(() => undefined);
  };
  const resync = async (sectionId: string) => {
    const document = hocuspocus.documents.get(`section:${sectionId}`);
    if (!document) return;
    try {
      const stored = await loadSectionState(sectionId);
      if (stored) Y.applyUpdate(document, Y.mergeUpdates(stored.updates), "server");
    } catch (error) {
      log.error({ event: "realtime.resync_failed", sectionId, error: errorFields(error) }, "Echtzeit: Abschnitt nicht nachgeladen");
    }
  };
  let listener: pg.Client | null = null;
  let closing = false;
  const listen = async (): Promise<void> => {
    const client = new pg.Client(await pgConnectionConfig());
    client.on("notification", onNotification);
    client.on("error", () => undefined);
    client.on("end", () => {
      if (closing || listener !== client) return;
      // Lost (database restart): listen again, and bring open documents up to date with what was missed.
      listener = null;
      relisten();
    });
    await client.connect();
    await client.query("listen konzeptwerk_realtime");
    listener = client;
  };
  const relisten = () => {
    setTimeout(() => {
      if (closing) return;
      listen()
        .then(() => Promise.all([...hocuspocus.documents.keys()].map(parseDocumentName).map((t) => (t?.kind === "section" ? resync(t.sectionId) : null))))
        .catch(relisten);
    }, 1000).unref();
  };
  await listen();

  // Sessions end by time too: look every half minute.
  const sweep = setInterval(() => void recheck({}).catch(() => undefined), 30_000);
  sweep.unref();

  const realtime: Realtime = {
    hocuspocus,
    attach(server) {
      const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * 1024 * 1024 });
      wss.on("headers", (lines: string[], req: IncomingMessage) => {
        const id = req.headers["x-request-id"];
        if (typeof id === "string") lines.push(`X-Request-Id: ${id}`);
      });
      server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        dropUntrustedForwardedHeaders(req.headers);
        const { pathname } = new URL(req.url ?? "/", "http://localhost");
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
        if (pathname !== REALTIME_PATH || !isSameOriginRequest(headers)) {
          logUpgrade(req, pathname === REALTIME_PATH ? 403 : 404);
          socket.end(`HTTP/1.1 ${pathname === REALTIME_PATH ? "403 Forbidden" : "404 Not Found"}\r\nConnection: close\r\n\r\n`);
          return;
        }
        logUpgrade(req, 101);
        wss.handleUpgrade(req, socket, head, (ws) => hocuspocus.handleConnection(ws, req));
      });
    },
    recheck,
    async close() {
      closing = true;
      clearInterval(sweep);
      // Store what is pending, then close: nothing acknowledged is lost (it is in the log anyway).
      for (const document of hocuspocus.documents.values()) {
        const target = parseDocumentName(document.name);
        if (target?.kind === "section") await compactSection(target.sectionId).catch(() => undefined);
      }
      hocuspocus.closeConnections();
      await listener?.end().catch(() => undefined);
      // Let the documents unload (their last store runs with the Redis lock) before Redis goes.
      for (let i = 0; i < 40 && hocuspocus.getDocumentsCount() > 0; i++) await new Promise((r) => setTimeout(r, 50));
      await hocuspocus.hooks("onDestroy", { instance: hocuspocus }).catch(() => undefined);
      if (register) delete globalRealtime[KEY];
    },
  };
  if (register) globalRealtime[KEY] = realtime;
  return realtime;
}

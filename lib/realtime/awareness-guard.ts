import * as decoding from "lib0/decoding";
import { MessageType, type Connection, type Document } from "@hocuspocus/server";
import { PRESENCE_REFUSED } from "./close-reason";

/**
 * The server's check of a browser's presence ("awareness": the name on a caret, who is in which part).
 * Hocuspocus relays these states as they come to everybody in the document, so without it a member could show
 * up under a colleague's name, or take over a colleague's caret. A state that names a person must name the one
 * signed in on this connection, a state may change only entries of its own person (or new ones), and a state is
 * small. What a browser merely passes on (a state it heard, with the same clock; the removal
 * of one that timed out) changes nothing on the server and is let through, as the Yjs protocol intends.
 */

/** Longest presence state (JSON) accepted: a browser's is a name, a colour and a caret's two positions (~300). */
export const MAX_AWARENESS_STATE = 4096;

// Each reason starts with PRESENCE_REFUSED: the browser then asks for a reload instead of reconnecting into it.
export const PRESENCE_DAMAGED = `${PRESENCE_REFUSED}Sie ist beschädigt.`;
export const PRESENCE_TOO_LARGE = `${PRESENCE_REFUSED}Sie ist zu groß (höchstens ${MAX_AWARENESS_STATE} Zeichen).`;
export const PRESENCE_NOT_YOURS = `${PRESENCE_REFUSED}Der Name passt nicht zu Ihrer Anmeldung. Bitte laden Sie die Seite neu.`;
export const PRESENCE_OTHER_PERSON = `${PRESENCE_REFUSED}Sie gehört zu einer anderen Person.`;

type Entry = { clientId: number; clock: number; json: string };

/** The entries of an awareness message; null for a message of another type. Throws on a damaged one. */
function awarenessEntries(message: Uint8Array): Entry[] | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder); // document name
  if (decoding.readVarUint(decoder) !== MessageType.Awareness) return null;
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const entries: Entry[] = [];
  for (let n = decoding.readVarUint(update); n > 0; n--) {
    entries.push({ clientId: decoding.readVarUint(update), clock: decoding.readVarUint(update), json: decoding.readVarString(update) });
  }
  return entries;
}

/**
 * Why `message` may not change the presence of `document`, or null when it may (or is no presence message).
 * `me` is the person signed in on `connection`.
 */
export function awarenessRefusal(message: Uint8Array, document: Document, connection: Connection, me: { userId: string; userName: string }): string | null {
  let entries: Entry[] | null;
  try {
    entries = awarenessEntries(message);
  } catch {
    return PRESENCE_DAMAGED;
  }
  if (!entries) return null;
  for (const { clientId, clock, json } of entries) {
    if (json.length > MAX_AWARENESS_STATE) return PRESENCE_TOO_LARGE;
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch {
      return PRESENCE_DAMAGED;
    }
    const known = document.awareness.meta.get(clientId)?.clock;
    // Yjs ignores an older or equal clock (an equal one only removes, as after a time-out): nothing changes.
    if (known !== undefined && clock <= known) continue;
    // Another person's entry: the state the server holds names them (also one that came from another process
    // through Redis), or a connection of this process brought it in. One's own may still hang on a connection the
    // server has not yet seen die (a reconnect).
    if (!isMine((document.awareness.getStates().get(clientId) as { user?: unknown } | undefined)?.user, me)) return PRESENCE_OTHER_PERSON;
    for (const [socket, other] of document.connections) {
      if (socket === connection.webSocket || !other.clients.has(clientId)) continue;
      if ((other.connection.context as { userId?: string } | undefined)?.userId !== me.userId) return PRESENCE_OTHER_PERSON;
    }
    if (state !== null && typeof state !== "object") return PRESENCE_DAMAGED;
    if (!isMine((state as { user?: unknown } | null)?.user, me)) return PRESENCE_NOT_YOURS;
  }
  return null;
}

/** Whether a state's `user` field (absent: no claim) names `me`, by name and, where it has one, by id. */
function isMine(user: unknown, me: { userId: string; userName: string }) {
  if (user === undefined) return true;
  if (typeof user !== "object" || user === null) return false;
  const { id, name } = user as { id?: unknown; name?: unknown };
  return name === me.userName && (id === undefined || id === me.userId);
}

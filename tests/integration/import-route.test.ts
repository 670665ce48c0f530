/**
 * POST /api/concepts/import with a multipart body, through the route handler
 * (issue 10): `req.formData()` reads the whole body before anything can count
 * it, so the body must state its length. A chunked body (no Content-Length)
 * gets 411 and one declared above the limit gets 413, both in German and
 * before a byte of the body is read; a chunked JSON backup is counted while it
 * is read and stopped at the limit; a file nested too deep gets 400 naming the
 * problem. Nothing is written in any of these cases.
 *
 * Only next-auth's cookie decoding is replaced (there is no request in a
 * test): `auth()` returns the session id of the editor; the session is a real
 * row, checked by currentActor as for every request.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { sessionId: session.id, user: { id: "test" } } : null) }));

import { POST } from "@/app/api/concepts/import/route";
import { closeDb } from "@/db";
import { countContent, signIn } from "../support/data";
import { makeMunicipality } from "../support/fixtures";

const ORIGIN = "http://localhost:3000";
const BOUNDARY = "KwImportGrenze";
let town: Awaited<ReturnType<typeof makeMunicipality>>;

beforeAll(async () => {
  town = await makeMunicipality("Einlesestadt");
  session.id = await signIn(town.editor);
});
afterAll(() => closeDb());

/** A multipart body with one file part (and a mapping field), as a browser's FormData sends it. */
function multipart(fileName: string, content: string, mapping?: string) {
  const field = mapping === undefined ? "" : `--${BOUNDARY}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${mapping}\r\n`;
  return new TextEncoder().encode(
    `${field}--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n--${BOUNDARY}--\r\n`,
  );
}

/** The body as a stream that records how much of it the server pulled. */
function streamed(bytes: Uint8Array) {
  const seen = { bytes: 0 };
  let sent = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent) return controller.close();
        sent = true;
        seen.bytes += bytes.length;
        controller.enqueue(bytes);
      },
    },
    { highWaterMark: 0 }, // nothing is pulled until someone reads
  );
  return { body, seen };
}

async function post(body: BodyInit, headers: Record<string, string> = {}) {
  const req = new Request(`${ORIGIN}/api/concepts/import?municipalityId=${town.municipality.id}`, {
    method: "POST",
    headers: { host: "localhost:3000", origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  const res = await POST(req, { params: Promise.resolve({}) });
  return {
    status: res.status,
    timing: res.headers.get("server-timing"),
    body: (await res.json()) as { error?: { code: string; message: string }; proposal?: unknown; id?: string; report?: { wordsIn: number; wordsPlaced: number } },
  };
}

describe("the multipart import states its length", () => {
  it("a well-formed upload with its length gets the proposal (control case)", async () => {
    const bytes = multipart("konzept.md", "# Leitbild\n\nVielfalt ist Normalität.\n");
    const res = await post(bytes, { "content-length": String(bytes.length) });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body.proposal)).toContain("Leitbild");
    // The steps for `npm run bench`: reading the file and the proposal; nothing was written.
    expect(res.timing).toMatch(/^read;dur=\d+, map;dur=\d+$/);
  });

  it("with mapping=auto creates the concept and names the time of each step, the write included", async () => {
    const bytes = multipart("konzept.md", "# Leitbild\n\nVielfalt ist Normalität.\n", "auto");
    const res = await post(bytes, { "content-length": String(bytes.length) });
    expect(res.status).toBe(201);
    expect(res.body.report).toMatchObject({ wordsIn: 4, wordsPlaced: 4 });
    expect(res.timing).toMatch(/^read;dur=\d+, map;dur=\d+, apply;dur=\d+, write;dur=\d+$/);
  });

  it("a chunked body without Content-Length gets 411 in German, unread, and nothing is written", async () => {
    const before = await countContent(town.municipality.id);
    const { body, seen } = streamed(multipart("konzept.md", "# Leitbild\n\nText.\n"));
    const res = await post(body, { "transfer-encoding": "chunked" });
    expect(res.status).toBe(411);
    expect(res.body.error).toEqual({ code: "length_required", message: "Die Anfrage muss ihre Länge angeben (Content-Length)." });
    expect(seen.bytes).toBe(0);
    expect(await countContent(town.municipality.id)).toEqual(before);
  });

  it("a declared length over the limit gets 413 in German before the body is read", async () => {
    const before = await countContent(town.municipality.id);
    const { body, seen } = streamed(multipart("konzept.md", "# Leitbild\n\nText.\n"));
    const res = await post(body, { "content-length": String(22 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error?.message).toBe("Die Datei ist zu groß (höchstens 20 MB).");
    expect(seen.bytes).toBe(0);
    expect(await countContent(town.municipality.id)).toEqual(before);
  });

  it("a JSON backup sent chunked is counted while read and refused with 413 once past 20 MB, without reading the rest", async () => {
    const before = await countContent(town.municipality.id);
    const chunk = new Uint8Array(1024 * 1024).fill(0x20); // a megabyte of spaces, then more
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled === 0) controller.enqueue(new TextEncoder().encode('{"format":'));
          pulled += 1;
          if (pulled > 100) return controller.close();
          controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    const res = await post(body, { "content-type": "application/json", "transfer-encoding": "chunked" });
    expect(res.status).toBe(413);
    expect(res.body.error?.message).toMatch(/^Die Anfrage ist zu groß \(höchstens 20480 KB\)/);
    expect(pulled).toBeLessThan(25);
    expect(await countContent(town.municipality.id)).toEqual(before);
    // A small JSON body is read whole and judged as before (here: not JSON).
    const broken = await post('{"format": "konzeptwerk.concept",', { "content-type": "application/json" });
    expect(broken).toEqual({ status: 400, timing: null, body: { error: { code: "bad_request", message: "Die Anfrage enthält kein gültiges JSON." } } });
  });

  it("a file nested 10,000 levels deep gets 400 naming the problem, and nothing is written", async () => {
    const before = await countContent(town.municipality.id);
    const bytes = multipart("konzept.html", `<h1>Leitbild</h1>${"<ul><li>".repeat(10_000)}tief${"</li></ul>".repeat(10_000)}`);
    const res = await post(bytes, { "content-length": String(bytes.length) });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/^Die Datei ist zu tief verschachtelt \(im Abschnitt „Leitbild“\): .* höchstens 12 Ebenen/);
    expect(await countContent(town.municipality.id)).toEqual(before);
  });
});

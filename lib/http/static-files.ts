import { createHash } from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import Negotiator from "negotiator";

/**
 * The build's static files (`/_next/static/…`: scripts, stylesheets, fonts) served from memory, each compressed
 * once when the server starts (issue 17).
 *
 * Next.js's own handler reads a file from disk and gzips it for every request, in several turns of the event
 * loop. While the one Node process renders a long page, each of those turns waits for the next gap between the
 * render's chunks: the concept page's stylesheet, asked for at 177 ms, arrived at 419 ms, its scripts up to
 * 840 ms (a trace of the bench). From memory a file goes out in the first gap. The names carry a hash of the
 * content, so what is held never changes while the process runs; a file the build did not make falls through
 * to Next.js (its 404).
 */
export type StaticFiles = {
  /** Answers the request when it asks for a known static file (true), else leaves it untouched (false). */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  readonly count: number;
  readonly bytes: number;
};

type Encoding = "br" | "gzip" | "identity";
// negotiator 1.x takes the server's order for ties; its published types (0.6) do not know the option yet.
type EncodingNegotiator = { encoding(available: readonly string[], options: { preferred: readonly string[] }): string | undefined };
type Entry = { type: string; etag: string; bodies: Partial<Record<Encoding, Buffer>> };

const STATIC_PREFIX = "/_next/static/";

const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=UTF-8",
  ".mjs": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
  ".json": "application/json; charset=UTF-8",
  ".map": "application/json; charset=UTF-8",
  ".txt": "text/plain; charset=UTF-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};
// Already compressed formats gain nothing from another pass.
const COMPRESSIBLE = new Set([".js", ".mjs", ".css", ".json", ".map", ".txt", ".svg"]);
// Where the browser accepts several equally (Chromium: "gzip, deflate, br, zstd"), the smallest.
const PREFERRED: Encoding[] = ["br", "gzip", "identity"];
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function entryOf(file: string, type: string): Promise<Entry> {
  const raw = await fs.promises.readFile(file);
  const etag = `"${createHash("sha256").update(raw).digest("base64url").slice(0, 27)}"`;
  const bodies: Entry["bodies"] = { identity: raw };
  if (COMPRESSIBLE.has(path.extname(file)) && raw.length > 1024) {
    // Brotli at 9, not 11: a fifth of the time for 1–2 % more bytes; the zlib work runs off the event loop.
    const [br, gz] = await Promise.all([brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }), gzip(raw, { level: 9 })]);
    if (br.length < raw.length) bodies.br = br;
    if (gz.length < raw.length) bodies.gzip = gz;
  }
  return { type, etag, bodies };
}

/**
 * Reads and compresses every file under `dir` (the build's `.next/static`). `headers` go on every answer
 * besides the file's own (the app's security headers, as Next.js sets them on its answers).
 */
export async function loadStaticFiles(dir: string, headers: Record<string, string> = {}): Promise<StaticFiles> {
  const files = new Map<string, Entry>();
  const names = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: "utf8" }) : [];
  let bytes = 0;
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const type = TYPES[path.extname(name)];
      if (!type || !fs.statSync(file).isFile()) return;
      const entry = await entryOf(file, type);
      for (const body of Object.values(entry.bodies)) bytes += body.length;
      files.set(STATIC_PREFIX + name.split(path.sep).join("/"), entry);
    }),
  );
  return {
    count: files.size,
    bytes,
    serve(req, res) {
      const url = req.url ?? "";
      if (!url.startsWith(STATIC_PREFIX)) return false;
      // The build's names need no decoding: anything else (an encoded or dotted path) is not one of them.
      const entry = files.get(url.split("?", 1)[0]!);
      if (!entry) return false;
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" }).end("Nur Abrufen (GET, HEAD) ist hier möglich.");
        return true;
      }
      const encoding = (new Negotiator(req) as unknown as EncodingNegotiator).encoding(Object.keys(entry.bodies), { preferred: PREFERRED }) as Encoding | undefined;
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
      res.setHeader("Vary", "Accept-Encoding");
      if (!encoding) {
        res.writeHead(406, { "Content-Type": "text/plain; charset=utf-8" }).end("Keine annehmbare Kodierung.");
        return true;
      }
      const etag = encoding === "identity" ? entry.etag : `${entry.etag.slice(0, -1)}-${encoding}"`;
      res.setHeader("ETag", etag);
      if (req.headers["if-none-match"]?.split(/\s*,\s*/).includes(etag)) {
        res.writeHead(304).end();
        return true;
      }
      const body = entry.bodies[encoding]!;
      res.setHeader("Content-Type", entry.type);
      res.setHeader("Content-Length", body.length);
      if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
      res.writeHead(200).end(req.method === "HEAD" ? undefined : body);
      return true;
    },
  };
}

import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadStaticFiles } from "./static-files";

// A build's static folder in small: a script large enough to compress, a stylesheet, a font.
const script = `export const text = ${JSON.stringify("Sprachkurse für Neuzugewanderte. ".repeat(200))};\n`;
const css = `.chapter { margin: 0 }\n`.repeat(100);
const font = Buffer.from([0x77, 0x4f, 0x46, 0x32, ...Array.from({ length: 2000 }, (_, i) => i % 251)]);

let dir: string;
let server: http.Server;
let base: string;
const fellThrough: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-static-"));
  fs.mkdirSync(path.join(dir, "chunks"), { recursive: true });
  fs.mkdirSync(path.join(dir, "media"), { recursive: true });
  fs.writeFileSync(path.join(dir, "chunks", "0abc.js"), script);
  fs.writeFileSync(path.join(dir, "chunks", "1def.css"), css);
  fs.writeFileSync(path.join(dir, "media", "font.woff2"), font);
  fs.writeFileSync(path.join(dir, "chunks", "notes.unknown"), "nicht ausliefern");
  const files = await loadStaticFiles(dir, { "X-Content-Type-Options": "nosniff" });
  server = http.createServer((req, res) => {
    if (files.serve(req, res)) return;
    fellThrough.push(req.url ?? "");
    res.writeHead(404).end("Next.js");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw request (fetch would decompress and hide the encoding). */
function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(base + url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    // The path as given, not normalised by the URL parser (".." stays).
    req.path = url;
    req.end();
  });
}

describe("static files from memory", () => {
  it("sends brotli where the browser takes it, even when it names gzip first (as Chromium does)", async () => {
    const res = await get("/_next/static/chunks/0abc.js", { "Accept-Encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(script);
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 5);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers.vary).toBe("Accept-Encoding");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("sends gzip or the plain file to a client that takes only those", async () => {
    const gz = await get("/_next/static/chunks/1def.css", { "Accept-Encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers["content-type"]).toBe("text/css; charset=UTF-8");
    expect(zlib.gunzipSync(gz.body).toString()).toBe(css);
    const plain = await get("/_next/static/chunks/1def.css");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(css);
  });

  it("does not compress a font again", async () => {
    const res = await get("/_next/static/media/font.woff2", { "Accept-Encoding": "br, gzip" });
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["content-type"]).toBe("font/woff2");
    expect(res.body.equals(font)).toBe(true);
  });

  it("answers 304 to a browser that has the same version, per encoding", async () => {
    const first = await get("/_next/static/chunks/0abc.js", { "Accept-Encoding": "br" });
    const etag = first.headers.etag!;
    expect((await get("/_next/static/chunks/0abc.js", { "Accept-Encoding": "br", "If-None-Match": etag })).status).toBe(304);
    // The brotli version's tag does not stand for the gzip version.
    const other = await get("/_next/static/chunks/0abc.js", { "Accept-Encoding": "gzip", "If-None-Match": etag });
    expect(other.status).toBe(200);
    expect(other.headers["content-encoding"]).toBe("gzip");
  });

  it("answers HEAD without a body, other methods with 405, and no acceptable encoding with 406", async () => {
    const head = await get("/_next/static/chunks/0abc.js", { "Accept-Encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const post = await get("/_next/static/chunks/0abc.js", {}, "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
    expect((await get("/_next/static/chunks/0abc.js", { "Accept-Encoding": "identity;q=0" })).status).toBe(406);
  });

  it("leaves everything that is not one of the build's files to Next.js: unknown names, other types, dotted or encoded paths", async () => {
    fellThrough.length = 0;
    for (const url of [
      "/_next/static/chunks/nope.js",
      "/_next/static/chunks/notes.unknown",
      "/_next/static/../../package.json",
      "/_next/static/chunks/%30abc.js",
      "/_next/static%2Fchunks%2F0abc.js",
      "/concepts",
    ]) {
      const res = await get(url, { "Accept-Encoding": "br" });
      expect(res.status, url).toBe(404);
      expect(res.body.toString(), url).toBe("Next.js");
    }
    expect(fellThrough).toHaveLength(6);
  });

  it("serves a file asked for with a query string (a cache buster) as the file", async () => {
    const res = await get("/_next/static/chunks/1def.css?v=2", {});
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(css);
  });
});

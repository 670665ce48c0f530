/** The backup file holds password hashes and the session secret: nobody but its owner may read it, not even while it is written. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeArchive } from "./archive";
import { AUTH_SECRET_ENTRY, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type Manifest } from "./manifest";

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function spool() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-archive-"));
  dirs.push(dir);
  const secret = Buffer.from("geheimes-sitzungsgeheimnis");
  fs.mkdirSync(path.join(dir, "files"));
  fs.writeFileSync(path.join(dir, AUTH_SECRET_ENTRY), secret);
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    app: { version: "test" },
    database: { kind: "embedded", serverVersion: "test" },
    schema: { migrations: [{ hash: "h", createdAt: 1 }], lastTag: null },
    tables: [],
    sequences: [],
    files: [{ name: "auth-secret", file: AUTH_SECRET_ENTRY, bytes: secret.length, sha256: createHash("sha256").update(secret).digest("hex") }],
  };
  return { dir, manifest };
}

describe("writeArchive", () => {
  it("creates the file for its owner only from the first byte on, not only once it is complete", async () => {
    const { dir, manifest } = spool();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "kw-archive-out-"));
    dirs.push(out);
    const partial = path.join(out, "sicherung.tar.gz.1.partial");
    // The file's permissions while it was being written: read just before the final chmod.
    let whileWriting: number | null = null;
    const chmod = fs.chmodSync;
    vi.spyOn(fs, "chmodSync").mockImplementation((file, mode) => {
      if (file === partial) whileWriting = fs.statSync(partial).mode & 0o777;
      chmod(file, mode);
    });
    const size = await writeArchive(dir, manifest, partial, path.join(out, "sicherung.tar.gz"));
    expect(size).toBeGreaterThan(0);
    expect(whileWriting).toBe(0o600);
    expect(fs.statSync(path.join(out, "sicherung.tar.gz")).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(partial)).toBe(false);
  });
});

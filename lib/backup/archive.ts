/**
 * The backup file: a gzip'd tar (node-tar) whose first entry is the manifest,
 * then one COPY text file per table and the session secret. Written next to the
 * target under a temporary name and renamed when complete, so a crash never
 * leaves a half file under the final name.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as tar from "tar";
import { BackupError } from "./errors";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST_NAME, manifestSchema, type Manifest } from "./manifest";

/** Pack spoolDir into `partial`, flush it to disk, then rename it to `file`. */
export async function writeArchive(spoolDir: string, manifest: Manifest, partial: string, file: string) {
  fs.writeFileSync(path.join(spoolDir, MANIFEST_NAME), JSON.stringify(manifest, null, 2));
  const entries = [MANIFEST_NAME, ...manifest.files.map((f) => f.file), ...manifest.tables.map((t) => t.file)];
  try {
    // Password hashes and the session secret: for the owner only, from the first byte on (node-tar's default is 0666).
    await tar.create({ gzip: true, cwd: spoolDir, file: partial, portable: true, mode: 0o600 }, entries);
    fs.chmodSync(partial, 0o600); // also when a file of that name was there before
    const fd = fs.openSync(partial, "r+");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return fs.statSync(file).size;
}

/**
 * Unpack a backup into dir and check it completely: manifest, every entry's
 * size and SHA-256. Nothing outside the manifest's names is written.
 */
export async function readArchive(file: string, dir: string): Promise<Manifest> {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, "r");
    head = Buffer.alloc(2);
    fs.readSync(fd, head, 0, 2, 0);
    fs.closeSync(fd);
  } catch {
    throw new BackupError("no-file", `Die Datei ${file} kann nicht gelesen werden.`);
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) throw notABackup(file);
  const allowed = /^(konzeptwerk-backup\.json|tables\/[0-9]{3}\.copy|files\/auth-secret)$/;
  try {
    await tar.extract({
      file,
      cwd: dir,
      strict: true,
      preserveOwner: false,
      filter: (p, entry) => allowed.test(p) && ("type" in entry ? entry.type === "File" : true),
    });
  } catch (error) {
    throw archiveError(file, error);
  }
  const manifestFile = path.join(dir, MANIFEST_NAME);
  if (!fs.existsSync(manifestFile)) throw notABackup(file);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  } catch {
    throw notABackup(file);
  }
  if ((raw as { format?: unknown } | null)?.format !== BACKUP_FORMAT) throw notABackup(file);
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === "number" && version > BACKUP_FORMAT_VERSION) {
    throw new BackupError("newer-format", `Die Sicherung hat ein neueres Format (${version}) als diese Konzeptwerk-Version (${BACKUP_FORMAT_VERSION}). Aktualisieren Sie Konzeptwerk.`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new BackupError("corrupt", `Die Sicherung ${file} ist beschädigt (Inhaltsverzeichnis unlesbar).`);
  const manifest = parsed.data;
  for (const entry of [...manifest.tables, ...manifest.files]) {
    const p = path.join(dir, entry.file);
    if (!fs.existsSync(p)) throw new BackupError("truncated", `Die Sicherung ${file} ist unvollständig: ${entry.file} fehlt.`);
    if (fs.statSync(p).size !== entry.bytes || (await sha256File(p)) !== entry.sha256) {
      throw new BackupError("corrupt", `Die Sicherung ${file} ist beschädigt: die Prüfsumme von ${entry.file} stimmt nicht.`);
    }
  }
  return manifest;
}

function notABackup(file: string) {
  return new BackupError("not-a-backup", `Die Datei ${file} ist keine Konzeptwerk-Sicherung.`);
}

function archiveError(file: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code ?? "";
  if (/unexpected end|truncated|TAR_BAD_ARCHIVE|Z_BUF_ERROR/i.test(`${message} ${code}`)) {
    return new BackupError("truncated", `Die Sicherung ${file} ist unvollständig (abgeschnitten).`);
  }
  return new BackupError("corrupt", `Die Sicherung ${file} ist beschädigt (${message}).`);
}

export async function sha256File(file: string) {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

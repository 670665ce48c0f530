/**
 * Reading a .docx or .odt safely with fflate: the sizes in the zip's central
 * directory are checked before anything is inflated (total size, ratio per
 * entry, number of entries), and the inflation itself counts the bytes it
 * produces and stops at the limit, so a directory that lies cannot help a zip
 * bomb either.
 */
import { Unzip, UnzipInflate, unzipSync } from "fflate";
import { refuse } from "./refuse";

export const ZIP_LIMITS = {
  /** all entries together, uncompressed */
  totalBytes: 200 * 1024 * 1024,
  /** one entry's uncompressed size / compressed size (real office XML: 5–30) */
  ratio: 200,
  /** ratio only applies above this size (tiny entries compress oddly) */
  ratioFloor: 1024 * 1024,
  entries: 10_000,
  /**
   * the entries kept (the XML the parsers read), uncompressed: reading costs about 20 bytes of memory per byte of
   * XML, and a 16 MB file of 150 MB XML took 3 GB and 25 s. Konzeptwerk's own Word export of 300 pages with 400
   * measures has 10 MB of XML.
   */
  keptBytes: 40 * 1024 * 1024,
} as const;

const BOMB = "Die Datei ist ungewöhnlich stark gepackt (möglicherweise eine „Zip-Bombe“) und wird nicht geöffnet.";
const tooMuchText = (limits: { keptBytes: number }) =>
  `Die Datei ist zu umfangreich für den Import: ausgepackt mehr als ${Math.round(limits.keptBytes / 1024 / 1024)} MB Text und Formatierung (ein Konzept von 300 Seiten hat etwa 10 MB). Bitte das Konzept in mehreren Teilen importieren.`;

export function isZip(bytes: Uint8Array) {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Names and declared sizes of the entries, from the central directory; nothing is inflated. */
export function zipDirectory(bytes: Uint8Array, limits = ZIP_LIMITS) {
  const entries: { name: string; size: number; originalSize: number }[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.size, originalSize: file.originalSize });
        return false;
      },
    });
  } catch {
    throw refuse("Die Datei ist beschädigt oder kein gültiges Office-Dokument (das ZIP-Verzeichnis ist nicht lesbar).");
  }
  if (entries.length > limits.entries) throw refuse(BOMB);
  let total = 0;
  for (const e of entries) {
    total += e.originalSize;
    if (e.originalSize > limits.ratioFloor && e.originalSize > e.size * limits.ratio) throw refuse(BOMB);
  }
  if (total > limits.totalBytes) throw refuse(BOMB);
  return entries;
}

/**
 * Inflate the entries `wanted` picks, with a running count of the bytes
 * produced: over the declared size of an entry or the total limit, it stops.
 */
export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean, limits: typeof ZIP_LIMITS = ZIP_LIMITS): Map<string, Uint8Array> {
  const directory = zipDirectory(bytes, limits);
  if (directory.filter((e) => wanted(e.name)).reduce((sum, e) => sum + e.originalSize, 0) > limits.keptBytes) throw refuse(tooMuchText(limits));
  const declared = new Map(directory.map((e) => [e.name, e.originalSize]));
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let kept = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    // Every entry is inflated and counted (a lying directory must not pass), only the wanted ones kept.
    if (failure) return;
    const keep = wanted(file.name);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const limit = Math.min(declared.get(file.name) ?? 0, limits.totalBytes);
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = refuse("Die Datei ist beschädigt (ein Teil lässt sich nicht entpacken).");
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limit || total > limits.totalBytes) {
        failure = refuse(BOMB);
        file.terminate();
        return;
      }
      if (keep) {
        kept += chunk.length;
        if (kept > limits.keptBytes) {
          failure = refuse(tooMuchText(limits));
          file.terminate();
          return;
        }
        chunks.push(chunk);
      }
      if (final && keep) {
        const all = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        out.set(file.name, all);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    if (!failure) failure = refuse("Die Datei ist beschädigt oder kein gültiges Office-Dokument.");
    void error;
  }
  if (failure) throw failure;
  return out;
}

export const utf8 = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder("utf-8").decode(bytes) : "");

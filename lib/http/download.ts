/** RFC 5987 value: percent-encoded UTF-8, including the characters encodeURIComponent leaves alone. */
function rfc5987(value: string) {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Headers of a download: an ASCII file name for old clients and the UTF-8 original (filename*), never cached. */
export function attachmentHeaders(contentType: string, fileName: { ascii: string; utf8: string }, length?: number): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${fileName.ascii}"; filename*=UTF-8''${rfc5987(fileName.utf8)}`,
    ...(length !== undefined ? { "Content-Length": String(length) } : {}),
    "Cache-Control": "private, no-store",
  };
}

/**
 * A name as part of a file name: ASCII (umlauts transliterated, everything else
 * but letters and digits as "-") and the Unicode original for filename*, both
 * at most `max` characters; `fallback` when nothing is left.
 */
export function fileSlug(value: string, max: number, fallback: string): { ascii: string; utf8: string } {
  const ascii =
    value
      .replace(/ä/g, "ae")
      .replace(/ö/g, "oe")
      .replace(/ü/g, "ue")
      .replace(/Ä/g, "Ae")
      .replace(/Ö/g, "Oe")
      .replace(/Ü/g, "Ue")
      .replace(/ß/g, "ss")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, max)
      .replace(/-+$/, "") || fallback;
  // Cut by characters, not UTF-16 units: half of a surrogate pair (𝐀, many CJK letters) cannot be encoded.
  const utf8 =
    Array.from(
      value
        .normalize("NFC")
        .replace(/[^\p{L}\p{N}]+/gu, "-")
        .replace(/^-+|-+$/g, ""),
    )
      .slice(0, max)
      .join("")
      .replace(/-+$/, "") || fallback;
  return { ascii, utf8 };
}

/** Today (or `date`) as YYYY-MM-DD in Berlin, for file names. */
export function fileDay(date: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

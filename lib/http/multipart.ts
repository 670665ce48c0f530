/**
 * A multipart body whose part headers (field and file names) hold a control
 * character. Next.js's own form parser refuses such a body with a 500
 * ("Malformed part header") before any action runs; proxy.ts looks first and
 * answers with a German 400 instead.
 */
// The text rule's control characters (lib/validation.ts: C0 but tab, and DEL); CR and LF end header lines.
const isControl = (byte: number) => (byte < 0x20 && byte !== 0x09 && byte !== 0x0d && byte !== 0x0a) || byte === 0x7f;

export function boundaryOf(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

export function partHeadersHaveControlCharacter(body: Uint8Array, boundary: string): boolean {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${boundary}`);
  let at = buffer.indexOf(delimiter);
  while (at !== -1) {
    const headersStart = at + delimiter.length;
    const headersEnd = buffer.indexOf("\r\n\r\n", headersStart);
    if (headersEnd === -1) return false;
    for (let i = headersStart; i < headersEnd; i++) if (isControl(buffer[i]!)) return true;
    at = buffer.indexOf(delimiter, headersEnd + 4);
  }
  return false;
}

export const PART_NAME_CONTROL_MESSAGE =
  "Der Dateiname enthält ein unzulässiges Steuerzeichen (z. B. NUL). Bitte die Datei umbenennen und erneut hochladen.";

/**
 * Which kind of file an upload is, from its first bytes and its name; files
 * the import never opens are refused here with a German reason. Pure.
 */
import { refuse } from "./refuse";

export type ImportFormat = "backup" | "docx" | "odt" | "md" | "html" | "xlsx" | "csv";

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

export function detectFormat(name: string, bytes: Uint8Array): ImportFormat {
  const lower = name.toLowerCase();
  const ext = /\.([a-z0-9]+)$/.exec(lower)?.[1] ?? "";
  if (bytes.length === 0) throw refuse("Die Datei ist leer.");
  if (startsWith(bytes, 0x4d, 0x5a)) throw refuse("Die Datei ist ein Programm (z. B. eine umbenannte .exe), kein Dokument. Programme werden nicht importiert.");
  if (startsWith(bytes, 0x7f, 0x45, 0x4c, 0x46)) throw refuse("Die Datei ist ein Programm, kein Dokument. Programme werden nicht importiert.");
  // Compound File Binary: an encrypted .docx/.odt (Office puts them in such a container) or an old .doc.
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    if (ext === "doc") throw refuse("Alte Word-Dateien (.doc) werden nicht gelesen. Bitte in Word oder LibreOffice als .docx oder .odt speichern.");
    throw refuse("Die Datei ist mit einem Passwort geschützt (verschlüsselt). Bitte das Dokument ohne Passwort speichern und erneut hochladen.");
  }
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) throw refuse("PDF-Dateien werden nicht importiert. Bitte das Dokument als .docx, .odt, .md oder .html hochladen.");
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    if (ext === "docm" || ext === "dotm") throw refuse("Dokumente mit Makros (.docm) werden nicht importiert. Bitte als .docx ohne Makros speichern.");
    if (ext === "xlsm") throw refuse("Arbeitsmappen mit Makros (.xlsm) werden nicht importiert. Bitte als .xlsx ohne Makros speichern.");
    if (ext === "xlsx") return "xlsx";
    if (ext === "docx" || ext === "dotx") return "docx";
    if (ext === "odt" || ext === "ott") return "odt";
    // A zip under another name: the mimetype entry of an ODT comes first and uncompressed.
    if (new TextDecoder().decode(bytes.subarray(30, 30 + 47)).includes("opendocument.text")) return "odt";
    return "docx";
  }
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, "").trimStart();
  if (bytes.subarray(0, 8192).includes(0)) throw refuse("Die Datei ist weder ein Dokument noch Text in einem bekannten Format. Angenommen werden .docx, .odt, .md, .html, .xlsx, .csv und die JSON-Sicherung.");
  if (ext === "json" || head.startsWith("{")) return "backup";
  if (ext === "csv") return "csv";
  if (ext === "html" || ext === "htm" || /^<(!doctype html|html|head|body|p|h[1-6]|div)\b/i.test(head)) return "html";
  if (ext === "md" || ext === "markdown" || ext === "txt") return "md";
  throw refuse("Dieses Dateiformat wird nicht unterstützt. Angenommen werden .docx, .odt, .md, .html, Maßnahmenlisten als .xlsx oder .csv und die JSON-Sicherung von Konzeptwerk.");
}

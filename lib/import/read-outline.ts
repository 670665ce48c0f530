/**
 * A document file (not a backup) read into an outline: the work of the read worker (read-worker.ts). Pure, given the
 * bytes; it throws the import's German refusals (refuse.ts).
 */
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation";
import { decodeText } from "./decode-text";
import type { ImportFormat } from "./detect";
import { docxToHtml } from "./docx";
import { htmlToOutline } from "./html-outline";
import { markdownToHtml } from "./markdown";
import { odtToHtml } from "./odt";
import type { Outline } from "./outline";
import { refuse } from "./refuse";
import { readCsvRows, readXlsxSheets, sheetsToHtml } from "./spreadsheet";

export async function readOutlineHere(format: Exclude<ImportFormat, "backup">, fileName: string, bytes: Uint8Array): Promise<Outline> {
  if (format === "docx") {
    const { html, skipped, trackedChanges } = await docxToHtml(bytes, fileName);
    return htmlToOutline(html, { skipped, trackedChanges });
  }
  if (format === "odt") {
    const { html, skipped, trackedChanges } = odtToHtml(bytes);
    return htmlToOutline(html, { skipped, trackedChanges });
  }
  if (format === "xlsx") return htmlToOutline(sheetsToHtml(await readXlsxSheets(bytes, fileName)));
  const text = decodeText(bytes);
  const unstorable = findUnstorableText(text);
  if (unstorable !== null) throw refuse(`Die Datei ${UNSTORABLE_TEXT_MESSAGE}`);
  if (format === "csv") return htmlToOutline(sheetsToHtml([{ name: fileName.replace(/\.[^.]*$/, "").slice(0, 120) || "Maßnahmen", rows: readCsvRows(text) }]));
  return htmlToOutline(format === "md" ? markdownToHtml(text) : text);
}

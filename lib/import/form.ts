import { MAX_IMPORT_BYTES } from "@/lib/concepts/exchange";
import { AppError } from "@/lib/errors";
import { LENGTH_REQUIRED_MESSAGE } from "@/lib/http/limits";
import { findUnstorableText } from "@/lib/validation";
import type { TargetValue } from "./mapping";

/** Most blocks a mapping may name (a 100-page concept has a few hundred headings). */
const MAX_MAPPING_ENTRIES = 5000;

/**
 * The `mapping` field of an import form: absent → only the proposal; "auto" →
 * the proposal as it is; else a JSON object block id → place ("field:work:goal").
 */
export function parseMappingField(value: FormDataEntryValue | null): null | "auto" | Record<string, TargetValue> {
  if (value === null || value === "") return null;
  if (typeof value !== "string") throw new AppError("bad_request", "Das Feld „mapping“ muss Text sein („auto“ oder eine Zuordnung als JSON).");
  if (value === "auto") return "auto";
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new AppError("bad_request", "Das Feld „mapping“ ist weder „auto“ noch eine gültige Zuordnung (JSON-Objekt).");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new AppError("bad_request", "Die Zuordnung muss ein JSON-Objekt sein.");
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length > MAX_MAPPING_ENTRIES || findUnstorableText(parsed) !== null) throw new AppError("bad_request", "Die Zuordnung ist ungültig.");
  const mapping: Record<string, TargetValue> = {};
  for (const [id, target] of entries) {
    if (typeof target !== "string" || id.length > 40 || target.length > 200) throw new AppError("bad_request", "Die Zuordnung ist ungültig.");
    mapping[id] = target;
  }
  return mapping;
}

/**
 * The `places` field of an import into a draft: absent → only the places the
 * file fills; "all" → every one of them; else a JSON array of place ids.
 */
export function parsePlacesField(value: FormDataEntryValue | null): null | "all" | string[] {
  if (value === null || value === "") return null;
  if (typeof value !== "string") throw new AppError("bad_request", "Das Feld „places“ muss Text sein („all“ oder eine Liste als JSON).");
  if (value === "all") return "all";
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new AppError("bad_request", "Das Feld „places“ ist weder „all“ noch eine gültige Liste (JSON-Array).");
  }
  if (!Array.isArray(parsed) || parsed.length > 1000 || !parsed.every((p) => typeof p === "string" && p.length <= 200) || findUnstorableText(parsed) !== null) {
    throw new AppError("bad_request", "Das Feld „places“ muss eine Liste von Teilen sein, z. B. [\"field:language:baseline\"].");
  }
  return parsed as string[];
}

/** A multipart body may carry the file plus its frame and the other fields. */
const MULTIPART_LIMIT = MAX_IMPORT_BYTES + 1024 * 1024;

/**
 * The form of a multipart import request, its `file` a File of at most
 * MAX_IMPORT_BYTES. req.formData() reads the whole body before anything can
 * count it, so the declared length is checked first, and a body of unknown
 * length (chunked) is refused as server actions are (proxy.ts).
 */
export async function readImportForm(req: Request): Promise<{ form: FormData; file: File }> {
  const tooLarge = new AppError("too_large", `Die Datei ist zu groß (höchstens ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
  const declared = req.headers.get("content-length");
  if (declared === null) throw new AppError("length_required", LENGTH_REQUIRED_MESSAGE);
  if (!/^\d{1,15}$/.test(declared.trim())) throw new AppError("bad_request", "Die Längenangabe der Anfrage (Content-Length) ist ungültig.");
  if (Number(declared) > MULTIPART_LIMIT) throw tooLarge;
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("bad_request", "Die Anfrage ist kein lesbares Formular (multipart/form-data mit dem Feld „file“).");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("bad_request", "Bitte eine Datei im Feld „file“ mitschicken.");
  if (file.size > MAX_IMPORT_BYTES) throw tooLarge;
  return { form, file };
}

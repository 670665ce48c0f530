import { AppError } from "@/lib/errors";
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

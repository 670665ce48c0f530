/**
 * A chapter's settings as the DOCX/ODT export writes them (lib/pdf/model.ts
 * settingRows): a table "Angabe | Inhalt" right under the chapter's heading,
 * read back into the concept's settings (lib/concepts/settings.ts). Pure.
 * Rows that do not parse are returned as text, so nothing is lost.
 */
import type { JSONContent } from "@tiptap/core";
import { plainText } from "@/lib/editor/document";
import { MAX_SETTING_TEXT, ORG_MODELS, type ConceptSettings, type OrgModel } from "@/lib/concepts/settings";
import { parsePeriod } from "./measure-values";

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** The export's settings table: header "Angabe | Inhalt", two columns. */
export function isSettingsTable(node: JSONContent | undefined): boolean {
  const rows = node?.type === "table" ? (node.content ?? []) : [];
  const head = (rows[0]?.content ?? []).map((c) => squash(plainText(c)));
  return rows.length > 1 && head.length === 2 && head[0] === "Angabe" && head[1] === "Inhalt" && rows.every((r) => (r.content ?? []).length === 2);
}

/** One row of a chapter's settings table → the settings it sets, or null when it is no such row. */
export function settingOfRow(chapter: string, label: string, value: string): Partial<ConceptSettings> | null {
  const text = value.length <= MAX_SETTING_TEXT ? value : null;
  if (chapter === "mandate" && label === "Geltungszeitraum") {
    const p = parsePeriod(value);
    return p ? { validFrom: p.startDate, validUntil: p.endDate } : null;
  }
  if (chapter === "vision" && label === "Ausrichtung") {
    if (value === "Richtet sich an die gesamte Stadtgesellschaft") return { wholeSociety: true };
    if (value === "Richtet sich an Neuzugewanderte") return { wholeSociety: false };
    return null;
  }
  if (chapter === "governance" && label === "Organisationsmodell") {
    const model = (Object.keys(ORG_MODELS) as OrgModel[]).find((k) => ORG_MODELS[k] === value);
    return model ? { orgModel: model } : text ? { orgModel: "other", orgModelOther: text } : null;
  }
  if (chapter === "governance" && label === "Federführende Stelle") return text ? { leadOffice: text } : null;
  if (chapter === "update" && label === "Fortschreibung") {
    const years = value === "jährlich" ? 1 : Number(/^alle (\d+) Jahre$/.exec(value)?.[1] ?? NaN);
    return Number.isInteger(years) && years >= 1 && years <= 20 ? { updateCycleYears: years } : null;
  }
  if (chapter === "update" && label === "Zuständig für die Fortschreibung") return text ? { updateOffice: text } : null;
  return null;
}

/** The settings of a chapter's settings table, the rows read (for the word count) and the rows left as text. */
export function readSettingsTable(chapter: string, table: JSONContent) {
  const settings: Partial<ConceptSettings> = {};
  const read: string[] = [];
  const rest: string[] = [];
  for (const [i, row] of (table.content ?? []).entries()) {
    const [label = "", value = ""] = (row.content ?? []).map((c) => squash(plainText(c)));
    const setting = i === 0 ? {} : settingOfRow(chapter, label, value);
    if (setting) {
      Object.assign(settings, setting);
      read.push(label, value);
    } else rest.push(`${label}: ${value}`);
  }
  return { settings, read, rest };
}

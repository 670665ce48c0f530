/**
 * The demo concept's history: two earlier states derived from the seeded
 * concept, so a new user sees a comparison with realistic changes at once.
 *   Version 1 „Erster Entwurf für die Ressortabstimmung“ (September)
 *   Version 2 „Status: Ressortabstimmung“ (October, after the first feedback)
 *   current draft = the seeded concept, edited since.
 */
import { randomUUID } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import type { ExportedMeasure } from "@/lib/concepts/exchange";
import type { Snapshot } from "@/lib/versions/snapshot";

export type SeedVersion = { label: string; kind: "manual" | "status"; status: string; createdAt: Date; author: "editor" | "admin"; snapshot: Snapshot };

function replaceText(doc: JSONContent, from: string, to: string): JSONContent {
  let found = false;
  const walk = (n: JSONContent): JSONContent => {
    if (n.type === "text" && n.text?.includes(from)) {
      found = true;
      return { ...n, text: n.text.replace(from, to) };
    }
    return n.content ? { ...n, content: n.content.map(walk) } : n;
  };
  const result = walk(doc);
  if (!found) throw new Error(`seed history: "${from}" not found`);
  return result;
}

function editSection(s: Snapshot, chapter: string, part: string, fieldKey: string | null, from: string, to: string) {
  const section = s.data.sections.find((x) => x.chapter === chapter && x.part === part && x.fieldKey === fieldKey);
  if (!section) throw new Error(`seed history: no section ${chapter}/${part}/${fieldKey}`);
  section.content = replaceText(section.content, from, to);
}

function measure(s: Snapshot, title: string): ExportedMeasure {
  const m = s.data.measures.find((x) => x.title === title);
  if (!m) throw new Error(`seed history: no measure ${title}`);
  return m;
}

function removeMeasure(s: Snapshot, title: string) {
  const i = s.data.measures.findIndex((x) => x.title === title);
  if (i < 0) throw new Error(`seed history: no measure ${title}`);
  s.data.measures.splice(i, 1);
  s.ids.measures.splice(i, 1);
}

const clone = (s: Snapshot): Snapshot => structuredClone(s);

export function musterstadtHistory(current: Snapshot, now = new Date()): SeedVersion[] {
  const year = now.getFullYear();
  // Version 2: before the latest edits of the draft.
  const v2 = clone(current);
  v2.data.concept.status = "interdepartmental";
  editSection(v2, "vision", "text", null, "Diskriminierung und Rassismus wird entschieden entgegengetreten.", "Diskriminierung wird entgegengetreten.");
  removeMeasure(v2, "Servicestelle für Antidiskriminierungsarbeit");
  const coaching = measure(v2, "Pilotprojekt „Frauen in Arbeit“ – Jobcoaching für Frauen mit Fluchtgeschichte");
  coaching.status = "planned";

  // Version 1: the first draft, before the departments' feedback.
  const v1 = clone(v2);
  v1.data.concept.status = "draft";
  editSection(v1, "mandate", "text", null, "1. Januar 2026 bis zum 31. Dezember 2030", "1. Januar 2026 bis zum 31. Dezember 2029");
  editSection(v1, "fields", "baseline", "language", "Nur 52 % der Teilnehmenden", "Etwa die Hälfte der Teilnehmenden");
  const counselling = measure(v1, "Zentrale Sprachkursberatung und Kursplatzbörse");
  counselling.status = "planned";
  counselling.materialCostCents = 1_200_000;
  counselling.indicators = counselling.indicators.map((x) => (x.name === "Beratungsgespräche zu Sprachkursen" ? { ...x, target: "1.800" } : x));
  const partners = structuredClone(measure(v1, "Sprachcafés und Lernpatenschaften in den Quartieren"));
  const dropped: ExportedMeasure = {
    ...partners,
    title: "Sprachpatenschaften im Ehrenamt",
    description: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Ehrenamtliche Sprachpatinnen und -paten begleiten Neuzugewanderte beim Deutschlernen im Alltag." }] }] },
    status: "planned",
    materialCostCents: 800_000,
    fundingLines: [],
    position: partners.position + 1,
  };
  const at = v1.data.measures.findIndex((x) => x.title === partners.title) + 1;
  v1.data.measures.splice(at, 0, dropped);
  v1.ids.measures.splice(at, 0, randomUUID());

  const date = (month: number, day: number) => new Date(Date.UTC(month > now.getMonth() + 1 ? year - 1 : year, month - 1, day, 9, 30));
  return [
    { label: "Erster Entwurf für die Ressortabstimmung", kind: "manual", status: "draft", createdAt: date(9, 15), author: "editor", snapshot: v1 },
    { label: "Status: Ressortabstimmung", kind: "status", status: "interdepartmental", createdAt: date(10, 20), author: "admin", snapshot: v2 },
  ];
}

import type { Labels } from "@/lib/i18n/labels";
import type { TemplateText } from "@/lib/i18n/template";
import { CHAPTERS, FIELD_PARTS, STANDARD_FIELDS } from "@/lib/template";
import type { AuditNames } from "./describe";

const pick = (map: Record<string, string>, key: string) => (Object.hasOwn(map, key) ? map[key]! : key);

/**
 * The names describeAudit needs, from the labels and template texts of the UI
 * language (getLabels / getTemplateText, or localizeLabels / localizeTemplate).
 * A field key of the template gets its title in that language; a custom field
 * keeps the title stored in the entry.
 */
export function auditNames(labels: Labels, template: TemplateText, locale: string): AuditNames {
  const money = new Intl.NumberFormat(locale === "de" ? "de-DE" : locale, { style: "currency", currency: "EUR" });
  return {
    status: (key) => pick(labels.conceptStatuses, key),
    role: (key) => pick(labels.roles, key),
    setting: (key) => pick(labels.settings, key),
    chapter: (key) => {
      const chapter = CHAPTERS.find((c) => c.key === key);
      return chapter ? template.chapterTitle(chapter) : key;
    },
    fieldPart: (key) => {
      const part = FIELD_PARTS.find((p) => p.key === key);
      return part ? template.fieldPartTitle(part) : key;
    },
    field: (key, title) => {
      const standard = STANDARD_FIELDS.find((f) => f.key === key);
      return standard ? template.fieldTitle(standard) : title;
    },
    money: (cents) => money.format(cents / 100),
  };
}

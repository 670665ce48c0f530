import { createTranslator } from "next-intl";
import de from "@/messages/de.json";
import { LABEL_SOURCES } from "@/lib/i18n/labels";
import { localizeTemplate } from "@/lib/i18n/template";
import { describeAudit, type AuditFacts, type AuditTranslate } from "./describe";
import { auditNames } from "./names";

const t = createTranslator({ locale: "de", messages: de, namespace: "audit" }) as unknown as AuditTranslate;
const names = auditNames(LABEL_SOURCES, localizeTemplate("de", () => undefined), "de");

/** An entry as its German sentence, outside a request (the CSV export is German like the other exports). */
export function describeAuditGerman(entry: AuditFacts): string {
  return describeAudit(entry, t, names);
}

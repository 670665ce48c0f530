import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { localizeLabels } from "@/lib/i18n/labels";
import { lookupOf } from "@/lib/i18n/lookup";
import { localizeTemplate } from "@/lib/i18n/template";
import { AUDIT_ACTIONS, kindOf, type AuditAction } from "./actions";
import { DESCRIBED_ACTIONS, describeAudit, type AuditDetails, type AuditFacts } from "./describe";
import { auditNames } from "./names";

function reader(locale: "de" | "en") {
  const messages = locale === "de" ? de : en;
  const t = createTranslator({ locale, messages, namespace: "audit" }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const labels = localizeLabels(locale, lookupOf(createTranslator({ locale, messages, namespace: "labels" })));
  const template = localizeTemplate(locale, lookupOf(createTranslator({ locale, messages, namespace: "template" })));
  const names = auditNames(labels, template, locale);
  return (entry: Partial<AuditFacts> & { action: string }) =>
    describeAudit({ actorName: "Miriam Keller", conceptTitle: null, details: {}, ...entry }, t, names);
}
const sayDe = reader("de");
const sayEn = reader("en");

/** Details as the recordAudit call sites write them, for every action. */
const FULL: Record<AuditAction, AuditDetails> = {
  "concept.create": { title: "Integrationskonzept 2026–2030" },
  "concept.import": { title: "Integrationskonzept (Kopie)", file: "konzept.docx" },
  "concept.rename": { from: "Entwurf Integration", to: "Integrationskonzept 2026–2030" },
  "concept.settings": { settings: "validFrom,orgModel" },
  "concept.import_into_draft": { file: "fortschreibung.md", parts: "Sprache – Ausgangslage" },
  "concept.archive": { title: "Integrationskonzept 2020–2025" },
  "concept.unarchive": { title: "Integrationskonzept 2020–2025" },
  "concept.mark_for_deletion": { title: "Probeentwurf", deleteAfter: "2027-01-02" },
  "concept.restore_from_deletion": { title: "Probeentwurf" },
  "concept.purge": { title: "Probeentwurf" },
  "section.edit": { chapter: "fields", part: "baseline", field: "language", fieldTitle: "Sprache" },
  "field.create": { field: "custom-antidiskriminierung-x1", fieldTitle: "Antidiskriminierung" },
  "field.delete": { field: "custom-antidiskriminierung-x1", fieldTitle: "Antidiskriminierung" },
  "subgoal.create": { field: "language", fieldTitle: "Sprache" },
  "subgoal.update": { field: "language", fieldTitle: "Sprache" },
  "subgoal.delete": { field: "language", fieldTitle: "Sprache" },
  "subgoal.move": { field: "language", fieldTitle: "Sprache" },
  "measure.create": { measure: "Sprachcafé", field: "language", fieldTitle: "Sprache" },
  "measure.from_library": { measure: "Elternkurse", field: "language", fieldTitle: "Sprache" },
  "measure.update": { measure: "Sprachcafé" },
  "measure.delete": { measure: "Sprachcafé" },
  "measure.move": { measure: "Sprachcafé", direction: "up" },
  "check.acknowledge": { rule: "fortschreibung-ohne-turnus" },
  "check.withdraw": {},
  "part.done": { chapter: "fields", part: "goal", field: "language", fieldTitle: "Sprache" },
  "part.undone": { chapter: "mandate", part: "text" },
  "assignment.set": { chapter: "fields", field: "housing", fieldTitle: "Wohnen", person: "Jonas Weber", due: "2027-01-31" },
  "assignment.remove": { chapter: "baseline", person: "Jonas Weber" },
  "monitoring.value_add": { measure: "Sprachcafé", indicator: "Teilnehmende", observedOn: "2027-12-31" },
  "monitoring.value_delete": { measure: "Sprachcafé", indicator: "Teilnehmende", observedOn: "2027-12-31" },
  "monitoring.year_status": { measure: "Sprachcafé", year: 2027, status: "partial" },
  "monitoring.year_status_clear": { measure: "Sprachcafé", year: 2027 },
  "key_figure.record": { name: "Einwohner", year: 2026 },
  "key_figure.delete": { name: "Einwohner", year: 2026 },
  "status.change": { from: "interdepartmental", to: "council_proposal" },
  "concept.update_started": { from: "adopted", to: "draft" },
  "version.create": { version: 4, label: "Stand für den Ausschuss" },
  "version.restore": { version: 2, backup: 5 },
  "comment.create": { target: "text", chapter: "mandate", field: null },
  "comment.reply": {},
  "comment.edit": {},
  "comment.delete": {},
  "comment.hide": {},
  "thread.resolve": {},
  "thread.reopen": {},
  "round.start": { version: 3, reviewers: 2 },
  "round.approve": { target: "mandate" },
  "round.request_changes": { target: "mandate" },
  "round.close": {},
  "round.complete": { verdict: "request_changes", closed: 1 },
  "suggestion.accept": { chapter: "mandate", part: "text", kind: "insert" },
  "suggestion.reject": { chapter: "fields", part: "baseline", field: "language", fieldTitle: "Sprache", kind: "delete" },
  "suggestion.accept_all": { chapter: "mandate", part: "text", count: 3, person: "Elif Yıldız" },
  "suggestion.reject_all": { chapter: "fields", part: "goal", field: "work", fieldTitle: "Arbeit und Ausbildung", count: 1 },
  "municipality.register": { name: "Musterstadt" },
  "invitation.create": { email: "elif@musterstadt.de", role: "reviewer" },
  "invitation.revoke": { email: "elif@musterstadt.de" },
  "invitation.accept": { email: "elif@musterstadt.de", role: "reviewer" },
  "member.role": { person: "Elif Yıldız", from: "reviewer", to: "editor" },
  "member.remove": { person: "Elif Yıldız" },
  "member.join_by_group": { role: "editor", source: "sso_group" },
  "member.role_by_group": { role: "admin", source: "sso_group" },
  "member.leave_by_group": { role: null, source: "sso_group" },
  "member.join_by_domain": { role: "viewer" },
  "sso.password_sign_in": { on: "no" },
  "sso.domain.allow": { domain: "musterstadt.de" },
  "sso.domain.remove": { domain: "musterstadt.de" },
  "sso.group_role.set": { group: "integrationsbuero", role: "editor" },
  "sso.group_role.remove": { group: "integrationsbuero" },
  "peers.consent": { contribute: "yes" },
  "library.share": { measure: "Sprachcafé" },
  "library.unshare": { measure: "Sprachcafé" },
  "municipality.staffCostRate": { cents: 7_250_000 },
  "logo.upload": {},
  "logo.remove": {},
  "mail.retry": {},
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe("an audit entry as a sentence", () => {
  it("reads the status change of the issue as a German sentence with the concept", () => {
    expect(
      sayDe({ action: "status.change", details: { from: "interdepartmental", to: "council_proposal" }, conceptTitle: "Integrationskonzept 2026–2030" }),
    ).toBe("Miriam Keller hat den Status von „Ressortabstimmung“ auf „Beschlussvorlage“ gesetzt – Integrationskonzept 2026–2030");
  });

  it("names what the entry is about: invitations, versions, measures, roles, new concepts", () => {
    expect(sayDe({ action: "invitation.create", details: FULL["invitation.create"] })).toBe("Miriam Keller hat elif@musterstadt.de mit der Rolle „Prüfung“ eingeladen");
    expect(sayDe({ action: "version.restore", details: FULL["version.restore"] })).toBe("Miriam Keller hat Version 2 wiederhergestellt (der Stand davor ist Version 5)");
    expect(sayDe({ action: "version.create", details: { version: 4, label: "" } })).toBe("Miriam Keller hat Version 4 gespeichert");
    expect(sayDe({ action: "measure.create", details: FULL["measure.create"] })).toBe("Miriam Keller hat die Maßnahme „Sprachcafé“ angelegt");
    expect(sayDe({ action: "member.role", details: FULL["member.role"] })).toBe("Miriam Keller hat die Rolle von Elif Yıldız von „Prüfung“ auf „Redaktion“ geändert");
    expect(sayDe({ action: "concept.create", details: FULL["concept.create"] })).toBe("Miriam Keller hat das Konzept „Integrationskonzept 2026–2030“ angelegt");
    expect(sayDe({ action: "section.edit", details: { chapter: "mandate", part: "text" } })).toBe(`Miriam Keller hat Text im Kapitel „${de.template.chapters.mandate.title}“ bearbeitet`);
    // Template 2: the chapter Handlungsfelder's own text, and a Fortschreibung that moves to the current template.
    expect(sayDe({ action: "section.edit", details: { chapter: "fields", part: "intro" } })).toBe("Miriam Keller hat Text im Kapitel „Handlungsfelder“ bearbeitet");
    expect(sayDe({ action: "concept.update_started", details: { from: "adopted", to: "draft", templateFrom: 1, templateTo: 2 } })).toBe(
      "Miriam Keller hat eine Fortschreibung begonnen (neuer Entwurf, jetzt mit Vorlage 2)",
    );
    expect(sayEn({ action: "concept.update_started", details: { from: "adopted", to: "draft", templateFrom: 1, templateTo: 2 } })).toBe(
      "Miriam Keller started an update (new draft, now on template 2)",
    );
    // Intl writes a no-break space before the euro sign.
    expect(sayDe({ action: "municipality.staffCostRate", details: FULL["municipality.staffCostRate"] }).replace(/\u00a0/g, " ")).toBe("Miriam Keller hat den Personalkostensatz auf 72.500,00 € je VZÄ gesetzt");
    expect(sayDe({ action: "measure.move", details: FULL["measure.move"] })).toBe("Miriam Keller hat die Maßnahme „Sprachcafé“ nach oben verschoben");
    expect(sayDe({ action: "assignment.set", details: FULL["assignment.set"] })).toBe("Miriam Keller hat Jonas Weber als zuständig für das Handlungsfeld „Wohnen“ eingetragen (bis 31.01.2027)");
    expect(sayDe({ action: "assignment.remove", details: FULL["assignment.remove"] })).toBe("Miriam Keller hat die Zuständigkeit von Jonas Weber für das Kapitel „Ausgangslage“ aufgehoben");
    expect(sayDe({ action: "part.done", details: FULL["part.done"] })).toBe("Miriam Keller hat „Leitziel“ im Handlungsfeld „Sprache“ als fertig markiert");
    expect(sayEn({ action: "part.undone", details: FULL["part.undone"] })).toBe(`Miriam Keller took back the “done” mark of the chapter “${en.template.chapters.mandate.title}”`);
  });

  /** Actions of a scheduled job: nobody acted, the sentence names no person. */
  const SCHEDULED = new Set<string>(["concept.purge"]);
  const opening = (action: string) => (SCHEDULED.has(action) ? /^(Das|Ein) Konzept |^(The|A) concept / : /^Miriam Keller /);

  it("sets a user's own text as the reader's page asks (isolated on the web page), keys and e-mail addresses as they are", () => {
    const t = createTranslator({ locale: "en", messages: en, namespace: "audit" }) as unknown as (key: string, values?: Record<string, string | number>) => string;
    const template = localizeTemplate("en", lookupOf(createTranslator({ locale: "en", messages: en, namespace: "template" })));
    const labels = localizeLabels("en", lookupOf(createTranslator({ locale: "en", messages: en, namespace: "labels" })));
    const names = { ...auditNames(labels, template, "en"), userText: (s: string) => `[${s}]` };
    const say = (action: string, details: AuditDetails) => describeAudit({ action, actorName: "Miriam Keller", conceptTitle: null, details }, t, names);
    expect(say("concept.create", FULL["concept.create"]!)).toContain("[Integrationskonzept 2026–2030]");
    expect(say("measure.create", FULL["measure.create"]!)).toContain("[Sprachcafé]");
    expect(say("invitation.create", FULL["invitation.create"]!)).toContain(" elif@musterstadt.de ");
  });

  it("names no person for a scheduled purge", () => {
    expect(sayDe({ action: "concept.purge", actorName: null, details: FULL["concept.purge"] })).toBe("Das Konzept „Probeentwurf“ wurde nach Ablauf der Frist endgültig gelöscht");
  });

  it.each(AUDIT_ACTIONS.map((a) => [a] as const))("has a sentence for %s in German and English, without codes or ids", (action) => {
    expect(DESCRIBED_ACTIONS).toContain(action);
    expect(kindOf(action)).not.toBeNull();
    const entry = { action, details: { ...FULL[action], objectId: "0f8fad5b-d9cb-469f-a165-70867728950e" }, conceptTitle: "Integrationskonzept" };
    for (const sentence of [sayDe(entry), sayEn(entry)]) {
      expect(sentence).toMatch(opening(action));
      expect(sentence).toMatch(/ – Integrationskonzept$/);
      expect(sentence).not.toMatch(/[{}]|_|\bundefined\b|\bnull\b/);
      expect(sentence).not.toMatch(UUID);
      expect(sentence).not.toContain(action);
      expect(sentence).not.toBe(sayDe({ action: "kein.bekannter.vorgang", conceptTitle: "Integrationskonzept" }));
    }
    expect(sayEn(entry)).not.toBe(sayDe(entry));
  });

  it("writes the plainer sentence for an older entry that lacks the names, never the raw details", () => {
    for (const action of AUDIT_ACTIONS) {
      const sentence = sayDe({ action, details: { objectId: "0f8fad5b-d9cb-469f-a165-70867728950e" } });
      expect(sentence, action).toMatch(SCHEDULED.has(action) ? /^Ein Konzept wurde / : /^Miriam Keller (hat|ist) /);
      expect(sentence, action).not.toMatch(/[{}"]|undefined|null/);
    }
    expect(sayDe({ action: "status.change", details: { to: "adopted" } })).toBe("Miriam Keller hat den Status geändert");
  });

  it("reads an unknown action and a deleted person as a generic sentence", () => {
    const sentence = sayDe({ action: "etwas.neues", actorName: null, details: { secret: '{"to":"council_proposal"}' }, conceptTitle: "Konzept A" });
    expect(sentence).toBe("Jemand hat eine Änderung vorgenommen – Konzept A");
    expect(sayEn({ action: "etwas.neues" })).toBe("Miriam Keller made a change");
  });

  it("never shows a custom field's key: without its title the sentence names no field", () => {
    expect(sayDe({ action: "comment.create", details: { target: "measure", chapter: "fields", field: "custom-sport-x1" } })).toBe("Miriam Keller hat einen Kommentar geschrieben");
    expect(sayDe({ action: "subgoal.create", details: { field: "custom-sport-x1" } })).toBe("Miriam Keller hat ein Teilziel hinzugefügt");
  });

  it("uses the English labels of statuses, roles and fields", () => {
    expect(sayEn({ action: "status.change", details: FULL["status.change"] })).toBe(
      `Miriam Keller changed the status from “${en.labels.conceptStatuses.interdepartmental}” to “${en.labels.conceptStatuses.council_proposal}”`,
    );
    expect(sayEn({ action: "subgoal.create", details: FULL["subgoal.create"] })).toBe(`Miriam Keller added a sub-goal in the field of action “${en.template.fields.language.title}”`);
    expect(sayEn({ action: "field.create", details: FULL["field.create"] })).toBe("Miriam Keller added the field of action “Antidiskriminierung”");
  });
});

describe("the actions the code records", () => {
  it("are all known to the log (a kind and a sentence)", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const files = ["lib", "db"].flatMap((dir) =>
      (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
        .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes("migrations"))
        .map((f) => path.join(root, dir, f)),
    );
    const recorded = new Set<string>();
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      if (!/recordAudit|audit: \{|record\(/.test(source)) continue;
      for (const line of source.split("\n")) {
        if (!/\baction\b|record\(/.test(line)) continue;
        for (const m of line.matchAll(/"([a-z]+(?:\.[a-zA-Z_]+)+)"/g)) recorded.add(m[1]!);
      }
    }
    expect(recorded.size).toBeGreaterThan(30);
    expect([...recorded].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a)).sort()).toEqual([]);
  });
});

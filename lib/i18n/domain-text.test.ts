import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { AppError } from "@/lib/errors";
import { choiceLabel, contributorLabel, groupLabel } from "@/lib/peers/groups";
import { SUPPRESSION_MESSAGES } from "@/lib/peers/anonymity";
import { calendarDate, INVALID_TEXT_MESSAGE } from "@/lib/validation";
import { measureInputSchema } from "@/lib/measures/schema";
import { fieldErrors } from "@/lib/validation";
import { domainText } from "./domain-server";
import { domainTextFor } from "./domain-text";

const toEnglish = domainText("en");

describe("the domain's German texts in English", () => {
  it("leaves German as it is, and an unknown text unchanged rather than empty", () => {
    expect(domainText("de")("Version 3 gibt es nicht.")).toBe("Version 3 gibt es nicht.");
    expect(toEnglish("Ein Satz, den niemand übersetzt hat.")).toBe("Ein Satz, den niemand übersetzt hat.");
  });

  it("translates the default message of every error code", () => {
    const codes = ["unauthorized", "forbidden", "not_found", "bad_request", "conflict", "length_required", "too_large", "rate_limited"] as const;
    const untranslated = codes.map((code) => new AppError(code).message).filter((message) => toEnglish(message) === message);
    expect(untranslated).toEqual([]);
    expect(toEnglish(new AppError("forbidden").message)).toBe("You do not have permission to do this.");
  });

  it("fills placeholders with the values found in the German text, translating those that are known texts themselves", () => {
    expect(toEnglish("Version 12 gibt es nicht.")).toBe("Version 12 does not exist.");
    expect(toEnglish("Von „Entwurf“ geht es nicht zu „Beschlossen“.")).toBe("There is no step from “Draft” to “Adopted”.");
    // A label the measure form names: a field label inside a schema message.
    expect(toEnglish("Federführung: höchstens 500 Zeichen.")).toBe("Lead office: at most 500 characters.");
    // A user's title stays as written.
    expect(toEnglish("Das Kürzel „SP-01“ ist in diesem Konzept schon vergeben.")).toBe("The code “SP-01” is already used in this concept.");
  });

  it("prefers a whole sentence over a pattern that would also match it", () => {
    expect(toEnglish("Kürzel: bitte Text angeben.")).toBe("Code: please enter text.");
    expect(toEnglish("Programm: bitte Text angeben.")).toBe("Programme: please enter text.");
  });

  it("names peer groups, contributors and withheld figures in English", () => {
    const city = { level: "city" as const, from: 1, to: 1 };
    expect(toEnglish(groupLabel(city))).toBe("Independent cities with 100.000–250.000 inhabitants");
    expect(toEnglish(groupLabel({ level: "county", from: 0, to: 0 }))).toBe("Districts (Landkreise) with fewer than 150.000 inhabitants");
    expect(toEnglish(choiceLabel("level", { key: "x", ...city }))).toBe("Independent cities of all sizes");
    expect(toEnglish(choiceLabel("all", { key: "x", ...city }))).toBe("All municipalities");
    expect(toEnglish(contributorLabel(city))).toBe("an independent city, 100.000–250.000 inhabitants");
    for (const message of Object.values(SUPPRESSION_MESSAGES)) expect(toEnglish(message)).not.toBe(message);
  });

  it("translates the messages of the measure form's schema and of dates, as a form shows them", () => {
    const parsed = measureInputSchema.safeParse({ title: "", taskType: "unbekannt", leadOffice: "x".repeat(600) });
    expect(parsed.success).toBe(false);
    const errors = Object.values(fieldErrors(parsed.error!));
    expect(errors.length).toBeGreaterThan(1);
    expect(errors.filter((message) => toEnglish(message) === message)).toEqual([]);
    const date = calendarDate("Beginn").safeParse("2026-02-30");
    expect(toEnglish(date.error!.issues[0]!.message)).toBe("Start: This date does not exist.");
    expect(toEnglish(`Die Eingabe „title“ ${INVALID_TEXT_MESSAGE}`)).toMatch(/^The entry “title” contains a control character/);
  });

  it("builds its table once per catalogue and tolerates a catalogue without the entry", () => {
    const german = { a: { b: "Hallo {name}." } };
    expect(domainTextFor("en", german, {})("Hallo Welt.")).toBe("Hallo Welt.");
    expect(domainTextFor("en", german, { a: { b: "Hello {name}." } })("Hallo Welt.")).toBe("Hello Welt.");
  });
});

describe("the domain catalogue", () => {
  const ROOT = path.resolve(import.meta.dirname, "../..");
  const leaves = (tree: object, prefix = ""): [string, string][] =>
    Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v as object, `${prefix}${k}.`)));

  it("has no German text twice (the first one would always win)", () => {
    const texts = leaves(de.domain).map(([, text]) => text);
    expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
  });

  it("holds each of its German texts as lib/ or app/ writes it (a changed sentence there fails here, not silently in English)", () => {
    const files = ["lib", "app", "components"].flatMap((dir) =>
      (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
        .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
        .map((f) => fs.readFileSync(path.join(ROOT, dir, f), "utf8")),
    );
    const source = files.join("\n");
    // Each stretch of words between placeholders, quotes and brackets must occur in the source: a placeholder
    // stands for `${…}`, and a message may be joined from a constant and a literal.
    const missing = leaves(de.domain)
      .filter(([, text]) =>
        text
          .split(/\{\w+\}|[„“”()]|\. /)
          .map((piece) => piece.replace(/^[\s:,.]+|[\s:,.]+$/g, ""))
          .some((piece) => piece.length > 3 && !source.includes(piece)),
      )
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it("has an English text for each German one", () => {
    const english = new Map(leaves(en.domain));
    expect(leaves(de.domain).filter(([key]) => !english.get(key)).map(([key]) => key)).toEqual([]);
  });
});

describe("the Konzept-Check's findings", () => {
  it("read in English, with the template's titles and the domain's labels inside translated", () => {
    expect(toEnglish("Das Handlungsfeld „Gesundheit“ hat keine Maßnahme.")).toBe("The field of action “Health” has no measure.");
    expect(toEnglish("M 2.1.1 „Sprachkursberatung“ hat keine Federführung.")).toBe("M 2.1.1 “Sprachkursberatung” has no lead office.");
    expect(toEnglish("M 2.1.1 „Kurs“: Bund (ESF Plus) endet am 31.12.2026, die Maßnahme hat kein Ende.")).toBe(
      "M 2.1.1 “Kurs”: Bund (ESF Plus) ends on 31.12.2026, the measure has no end.",
    );
    expect(toEnglish("M 2.1.1 „Kurs“: Bund endet am 31.12.2026, die Maßnahme läuft bis 31.12.2027.")).toBe(
      "M 2.1.1 “Kurs”: Federal government ends on 31.12.2026, the measure runs until 31.12.2027.",
    );
    expect(toEnglish("Kapitel 8 Monitoring und Evaluation")).toBe(`Chapter 8 ${en.template.chapters.monitoring.title}`);
  });
});

describe("the funding overview", () => {
  it("reads in English: captions with their numbers, the cliff's summary with singular and plural", () => {
    expect(toEnglish("Finanzierung nach Quelle (Finanzplan, 12 Maßnahmen)")).toBe("Funding by source (financial plan, 12 measures)");
    expect(toEnglish("Nach Jahren im Geltungszeitraum (01.01.2026 – 31.12.2030)")).toBe("By year within the period of validity (01.01.2026 – 31.12.2030)");
    const german =
      "1 Förderung endet vor dem Ende ihrer Maßnahme, zusammen 12.000 € pro Jahr, die je ab ihrem Ende bis zum Ende der Maßnahme fehlen. Am meisten fällt 2027 weg: 12.000 € pro Jahr, bei 0,5 VZÄ in den betroffenen Maßnahmen. 2 Maßnahmen laufen länger als ihre Förderung, davon 1 freiwillige Aufgabe.";
    expect(toEnglish(german)).toBe(
      "1 funding ends before the end of their measure, together 12.000 € per year, each missing from its end until the end of its measure. The most ends in 2027: 12.000 € per year, with 0,5 FTE in the measures affected. 2 measures run longer than their funding, 1 of them voluntary task.",
    );
    expect(toEnglish("Summe")).toBe("Total");
  });
});

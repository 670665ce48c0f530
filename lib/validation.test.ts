import { describe, expect, it } from "vitest";
import { calendarDate, findInvalidText, findUnstorableText, isCalendarDate } from "./validation";

describe("calendar dates (one rule for every form, server action, import and snapshot)", () => {
  it.each(["2026-01-01", "2026-02-28", "2028-02-29", "2000-02-29", "2026-04-30", "2026-12-31", "1000-01-01", "9999-12-31"])("%s exists", (s) => {
    expect(isCalendarDate(s)).toBe(true);
  });

  it.each([
    "2026-02-29", // not a leap year
    "1900-02-29", // divisible by 100, not by 400
    "2026-02-30",
    "2026-04-31",
    "2029-13-01",
    "2026-00-10",
    "2026-01-00",
    "0000-00-00",
    "0999-12-31", // years before 1000 (Date reads 0–99 as 1900–1999)
    "2026-1-01",
    "01.03.2026",
    "2026-01-01T00:00:00Z",
    " 2026-01-01",
    "",
  ])("%s does not", (s) => {
    expect(isCalendarDate(s)).toBe(false);
  });

  it("says in German what is wrong, naming the field when asked", () => {
    const result = calendarDate("Beginn").safeParse("2026-02-30");
    expect(result.success ? "" : result.error.issues[0]?.message).toBe("Beginn: Dieses Datum gibt es nicht.");
    const format = calendarDate().safeParse("30.02.2026");
    expect(format.success ? "" : format.error.issues[0]?.message).toBe("Bitte ein Datum im Format JJJJ-MM-TT angeben.");
    const early = calendarDate("Ende").safeParse("0999-01-01");
    expect(early.success ? [] : early.error.issues.map((i) => i.message)).toEqual(["Ende: Bitte ein Jahr ab 1000 angeben."]);
  });
});

describe("the text rule of forms", () => {
  it("names the first field with NUL, another control character or half an emoji", () => {
    expect(findInvalidText({ name: "Stadt\u0000" })).toBe("name");
    expect(findInvalidText({ fields: [{ title: "ok" }, { title: "a\u0008b" }] })).toBe("fields.1.title");
    expect(findInvalidText({ fileName: "logo\u007f.png" })).toBe("fileName");
    expect(findInvalidText({ x: "\ud83d" })).toBe("x");
    // noncharacters: not allowed in XML, a Word or OpenDocument export holding one would not open
    expect(findInvalidText({ title: "Konzept\uffff" })).toBe("title");
    expect(findInvalidText({ title: "Konzept\ufffe" })).toBe("title");
  });
  it("refuses a text of invisible characters only, not one invisible character among visible ones", () => {
    expect(findInvalidText({ title: "\u200b\u200b\u200b" })).toBe("title");
    expect(findInvalidText({ name: " \u200d\u00ad \ufeff" })).toBe("name");
    expect(findInvalidText({ line: ["ok", "\u2060"] })).toBe("line.1");
    expect(findInvalidText({ title: "می\u200cخواهم", family: "👨\u200d👩\u200d👧", word: "Integrations\u00adkonzept", blank: "   ", empty: "" })).toBeNull();
  });
  it("lets ordinary text with tabs, line breaks and emoji through", () => {
    expect(findInvalidText({ name: "Müller-Lüdenscheidt", text: "Zeile 1\r\nZeile 2\tEnde 😀", n: 3 })).toBeNull();
  });
  it("keeps the storage rule alone for JSON bodies (a vertical tab from a paste is stored)", () => {
    expect(findUnstorableText({ text: "a\u000bb" })).toBeNull();
    expect(findUnstorableText({ text: "a\u0000b" })).toBe("text");
  });
});

describe("walking untrusted JSON", () => {
  it("finds a NUL 20,000 levels deep without running out of stack", () => {
    let value: unknown = { text: "unten\u0000" };
    for (let i = 0; i < 20_000; i++) value = [value];
    expect(findUnstorableText(value)).toMatch(/^0(\.0)+\.text$/);
    expect(findInvalidText(value)).toMatch(/\.text$/);
  });
});

import { describe, expect, it } from "vitest";
import { findInvalidText, findUnstorableText } from "./validation";

describe("the text rule of forms", () => {
  it("names the first field with NUL, another control character or half an emoji", () => {
    expect(findInvalidText({ name: "Stadt\u0000" })).toBe("name");
    expect(findInvalidText({ fields: [{ title: "ok" }, { title: "a\u0008b" }] })).toBe("fields.1.title");
    expect(findInvalidText({ fileName: "logo\u007f.png" })).toBe("fileName");
    expect(findInvalidText({ x: "\ud83d" })).toBe("x");
  });
  it("lets ordinary text with tabs, line breaks and emoji through", () => {
    expect(findInvalidText({ name: "Müller-Lüdenscheidt", text: "Zeile 1\r\nZeile 2\tEnde 😀", n: 3 })).toBeNull();
  });
  it("keeps the storage rule alone for JSON bodies (a vertical tab from a paste is stored)", () => {
    expect(findUnstorableText({ text: "a\u000bb" })).toBeNull();
    expect(findUnstorableText({ text: "a\u0000b" })).toBe("text");
  });
});

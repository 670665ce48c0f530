/** Required fields say so in words, in the UI language; optional ones carry no mark. */
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { TextField } from "@/components/members/form-field";

function render(node: ReactNode, locale: "de" | "en" = "de") {
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages: locale === "de" ? de : en, timeZone: "Europe/Berlin", children: node }));
}
const labelText = (html: string) => /<label[^>]*>(.*?)<\/label>/.exec(html)![1]!.replace(/<[^>]+>/g, "");

describe("required fields", () => {
  it("a required field's label ends with (Pflichtfeld), in English (required); the control is required", () => {
    const html = render(createElement(TextField, { id: "ags", name: "ags", label: "Gemeindeschlüssel (AGS)", required: true }));
    expect(labelText(html)).toBe("Gemeindeschlüssel (AGS) (Pflichtfeld)");
    expect(html).toMatch(/<input[^>]* required=""/);
    expect(labelText(render(createElement(TextField, { id: "ags", name: "ags", label: "Municipality code", required: true }), "en"))).toBe("Municipality code (required)");
  });
  it("the mark is not part of the accessible name (screen readers hear `required` on the control)", () => {
    expect(render(createElement(TextField, { id: "x", name: "x", label: "Titel", required: true }))).toMatch(/<span class="required-mark" aria-hidden="true">[^<]*(<!-- -->)?\(Pflichtfeld\)<\/span>/);
  });
  it("an optional field has no mark", () => {
    expect(labelText(render(createElement(TextField, { id: "x", name: "x", label: "Bezeichnung" })))).toBe("Bezeichnung");
  });
});

/** The one form field: label, required mark, hint, control and error wired by aria-describedby, as the forms had it by hand. */
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import { SelectField, TextField } from "@/components/members/form-field";
import { TextInput } from "@/components/measures/measure-inputs";
import { FormField } from "./form-field";

/** The attributes of the first `tag` element, in any order. */
const attributesOf = (html: string, tag: string) =>
  Object.fromEntries([...(new RegExp(`<${tag}([^>]*)>`).exec(html)?.[1] ?? "").matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

const render = (node: ReactNode) =>
  renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: "de", messages: de, timeZone: "Europe/Berlin", children: node }));

describe("FormField", () => {
  it("ties hint and error to the control and marks it invalid", () => {
    const html = render(
      createElement(FormField, { id: "ags", label: "AGS", hint: "Acht Ziffern", error: "Bitte prüfen", required: true, children: (control) => createElement("input", control) }),
    );
    expect(html).toBe(
      '<div class="field"><label for="ags">AGS<span class="required-mark" aria-hidden="true"> (Pflichtfeld)</span></label>' +
        '<p id="ags-hint" class="hint">Acht Ziffern</p><input id="ags" aria-invalid="true" aria-describedby="ags-hint ags-error"/>' +
        '<p id="ags-error" class="error">Bitte prüfen</p></div>',
    );
  });

  it("without hint and error the control describes nothing and is not invalid", () => {
    const html = render(createElement(FormField, { id: "t", label: "Titel", children: (control) => createElement("input", control) }));
    expect(html).toBe('<div class="field"><label for="t">Titel</label><input id="t"/></div>');
  });

  it("the members' and the measure form's fields keep their markup (hint as paragraph or inline)", () => {
    const member = render(createElement(TextField, { id: "m", name: "m", label: "Name", hint: "Vor- und Nachname", error: "Fehlt" }));
    expect(member).toContain('<p id="m-hint" class="hint">Vor- und Nachname</p>');
    expect(attributesOf(member, "input")).toEqual({ id: "m", name: "m", type: "text", "aria-invalid": "true", "aria-describedby": "m-hint m-error" });
    const select = render(createElement(SelectField, { id: "r", name: "r", label: "Rolle", options: [{ value: "a", label: "A" }], defaultValue: "a" }));
    expect(attributesOf(select, "select")).toEqual({ id: "r", name: "r" });
    const measure = render(createElement(TextInput, { id: "x", label: "Titel", value: "", hint: "kurz", required: true, onChange: () => {} }));
    expect(measure).toContain('<span id="x-hint" class="hint">kurz</span>');
    expect(attributesOf(measure, "input")).toEqual({ id: "x", "aria-describedby": "x-hint", type: "text", value: "", required: "", "aria-required": "true" });
  });
});

/** The status badge and the steps say where a concept stands in words, not only in colour. */
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { conceptSteps } from "@/lib/concepts/steps";
import { StatusBadge, StepIndicator } from "./status-steps";

function render(node: ReactNode, locale: "de" | "en" = "de") {
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages: locale === "de" ? de : en, timeZone: "Europe/Berlin", children: node }));
}

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim();

describe("status badge and step indicator", () => {
  it("mark the current step with aria-current and name every step's state in words", () => {
    const html = render(createElement(StepIndicator, { steps: conceptSteps("participation"), label: "Stand im Verfahren" }));
    expect(html).toMatch(/^<ol[^>]*aria-label="Stand im Verfahren"/);
    expect(html.match(/aria-current="step"/g)).toHaveLength(1);
    expect(text(html.match(/<li[^>]*aria-current="step"[^>]*>.*?<\/li>/)![0])).toBe("3Beteiligung (aktueller Schritt)");
    expect(text(html)).toContain("Entwurf (erledigt)");
    expect(text(html)).toContain("Beschlossen (noch offen)");
  });

  it("names a Fortschreibung next to the status, and speaks English on English pages", () => {
    expect(text(render(createElement(StatusBadge, { steps: conceptSteps("draft", true) })))).toBe("Status: EntwurfFortschreibung");
    expect(text(render(createElement(StatusBadge, { steps: conceptSteps("draft", false) })))).toBe("Status: Entwurf");
    const english = text(render(createElement(StepIndicator, { steps: conceptSteps("adopted"), label: "Stage" }), "en"));
    expect(english).toContain("(current step)");
    expect(english).not.toContain("Beschlossen");
  });
});

/** What a form shows after an action: the pure mapping behind the one notice (components/ui/notice.tsx). */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Notice, noticeFor, stateNotice } from "./notice";

describe("noticeFor", () => {
  it("a success says the success text", () => {
    expect(noticeFor({ ok: true }, "Antwort gespeichert.")).toEqual({ kind: "ok", text: "Antwort gespeichert." });
  });
  it("a failure names the first field's problem before the general error", () => {
    expect(noticeFor({ ok: false, error: "Bitte prüfen Sie die markierten Angaben.", fieldErrors: { title: "Bitte einen Titel angeben." } }, "x")).toEqual({
      kind: "error",
      text: "Bitte einen Titel angeben.",
    });
    expect(noticeFor({ ok: false, error: "Dafür fehlt Ihnen die Berechtigung." }, "x")).toEqual({ kind: "error", text: "Dafür fehlt Ihnen die Berechtigung." });
  });
});

describe("stateNotice", () => {
  it("shows nothing before the first submission and while the next one runs", () => {
    expect(stateNotice(null)).toBeNull();
    expect(stateNotice({ ok: false, error: "Fehler" }, true)).toBeNull();
    expect(stateNotice({ ok: true, message: "Gespeichert." }, true)).toBeNull();
  });
  it("a success shows its own message, else the form's text, else nothing", () => {
    expect(stateNotice({ ok: true, message: "Die Rolle ist geändert." })).toEqual({ kind: "ok", text: "Die Rolle ist geändert." });
    expect(stateNotice({ ok: true }, false, "Gespeichert.")).toEqual({ kind: "ok", text: "Gespeichert." });
    expect(stateNotice({ ok: true })).toBeNull();
  });
  it("a failure is an error", () => {
    expect(stateNotice({ ok: false, error: "Die Datei ist zu groß." })).toEqual({ kind: "error", text: "Die Datei ist zu groß." });
  });
});

describe("Notice", () => {
  const html = (message: Parameters<typeof Notice>[0]["message"]) => renderToStaticMarkup(createElement(Notice, { message }));
  it("a success is written into the polite status region, an error into the alert region; both regions always exist", () => {
    const ok = html({ kind: "ok", text: "Prüfrunde gestartet." });
    expect(ok).toMatch(/<div role="status" aria-live="polite" aria-atomic="true"><div class="notice notice-ok notice-banner"><p>Prüfrunde gestartet\.<\/p><\/div><\/div><div role="alert" aria-atomic="true"><\/div>/);
    const error = html({ kind: "error", text: "Bitte ein Teilziel eingeben." });
    expect(error).toMatch(/<div role="status" aria-live="polite" aria-atomic="true"><\/div><div role="alert" aria-atomic="true"><div class="notice notice-error notice-banner"><p>Bitte ein Teilziel eingeben\.<\/p>/);
    expect(html(null)).toBe('<div class="notice-slot"><div role="status" aria-live="polite" aria-atomic="true"></div><div role="alert" aria-atomic="true"></div></div>');
  });
});

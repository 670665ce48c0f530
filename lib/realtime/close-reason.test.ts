import { describe, expect, it } from "vitest";
import { closeKind } from "./close-reason";

describe("closeKind", () => {
  it("tells a content refusal (same result on every attempt) from a reason worth a retry", () => {
    expect(closeKind("Die Änderung wurde nicht gespeichert: Im Vorschlagsmodus kann der Text nur durch Vorschläge geändert werden.")).toBe("refused");
    expect(closeKind("Die Änderung wurde nicht gespeichert: Die Änderung baut auf einem Stand auf, den der Server nicht kennt. Bitte die Seite neu laden.")).toBe("refused");
    // A failed store, changed rights, a restart: the browser keeps the change and sends it again.
    expect(closeKind("Die Änderung konnte gerade nicht gespeichert werden. Sie bleibt in Ihrem Browser und wird erneut gesendet.")).toBe("retry");
    expect(closeKind("Keine Schreibrechte mehr (Rolle, Sitzung oder Status des Konzepts haben sich geändert).")).toBe("retry");
    expect(closeKind("Server wird neu gestartet")).toBe("retry");
  });

  it("asks for a reload when the server refused what the page said about its person", () => {
    expect(closeKind("Die Anwesenheitsangabe wurde nicht angenommen: Der Name passt nicht zu Ihrer Anmeldung. Bitte laden Sie die Seite neu.")).toBe("reload");
  });
});

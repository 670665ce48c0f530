import { describe, expect, it } from "vitest";
import { placeNames } from "./districts";
import { checkShareText } from "./name-check";

const ctx = { municipalityName: "Landkreis Beispielkreis", placeNames: placeNames() };

describe("the name check before sharing a measure", () => {
  it("flags the own municipality's name, also without its prefix", () => {
    expect(checkShareText("Sprachkurse im Beispielkreis für Eltern", ctx)).toEqual([{ kind: "own_name", text: "Beispielkreis" }]);
    expect(checkShareText("Der LANDKREIS BEISPIELKREIS fördert …", ctx).map((f) => f.kind)).toContain("own_name");
  });

  it("flags place names from the list of German Kreise", () => {
    expect(placeNames().length).toBeGreaterThan(350);
    expect(checkShareText("Nach dem Vorbild aus Flensburg und Rhein-Sieg-Kreis", ctx).filter((f) => f.kind === "place").map((f) => f.text)).toEqual(
      expect.arrayContaining(["Flensburg", "Rhein-Sieg-Kreis"]),
    );
  });

  it("flags persons and contact details", () => {
    const flags = checkShareText("Ansprechpartnerin ist Frau Keller (keller@amt.example, 0221 12345), Bürgermeister Dr. Huber eröffnet.", ctx);
    expect(flags.map((f) => `${f.kind}:${f.text}`)).toEqual(
      expect.arrayContaining(["person:Frau Keller", "person:Bürgermeister Dr. Huber", "contact:keller@amt.example", "contact:0221 12345"]),
    );
  });

  it("lets a neutral description through", () => {
    expect(checkShareText("Sprachcafé im Stadtteilzentrum\nEhrenamtliche bieten zweimal pro Woche Gesprächsrunden für Frauen und Familien an.", ctx)).toEqual([]);
  });
});

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

  it("flags a place written in capitals or without umlauts, and web addresses", () => {
    const flags = checkShareText("Nach dem Modell aus MÜNCHEN und Koeln, Infos unter www.muenchen.de/integration und auf beispielkreis.de", ctx);
    expect(flags.map((f) => `${f.kind}:${f.text}`)).toEqual(
      expect.arrayContaining(["place:MÜNCHEN", "place:Koeln", "contact:www.muenchen.de/integration", "own_name:beispielkreis"]),
    );
    expect(flags.map((f) => f.text)).toContain("beispielkreis.de");
    // lower-case words that happen to be place names stay unflagged, and so do dotted abbreviations
    expect(checkShareText("Wir essen gemeinsam, z. B. mittwochs; ca. 20 Personen.", ctx)).toEqual([]);
  });

  it("flags short names too: a three-letter city, and a short own name as a capitalised word of its own", () => {
    expect(placeNames()).toEqual(expect.arrayContaining(["Ulm", "Hof", "Neu-Ulm"]));
    expect(placeNames()).not.toContain("Neu");
    expect(checkShareText("Sprachcafé nach dem Vorbild aus Ulm", ctx)).toEqual([{ kind: "place", text: "Ulm" }]);
    expect(checkShareText("Beratung in HOF und Neu-Ulm", ctx).map((f) => f.text)).toEqual(expect.arrayContaining(["HOF", "Neu-Ulm"]));
    const au = { municipalityName: "Gemeinde Au am Inn", placeNames: [] };
    expect(checkShareText("Treffpunkt für Familien in Au", au)).toEqual([{ kind: "own_name", text: "Au" }]);
    // not the small words of the name, and not the letters inside or in lower case
    expect(checkShareText("Treffen am Montag, au revoir, Ausflug zur Aue", au)).toEqual([]);
    expect(checkShareText("Angebot im Bad der Schule", { municipalityName: "Stadt Bad Au", placeNames: [] })).toEqual([]);
  });

  it("lets a neutral description through", () => {
    expect(checkShareText("Sprachcafé im Stadtteilzentrum\nEhrenamtliche bieten zweimal pro Woche Gesprächsrunden für Frauen und Familien an.", ctx)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { settingOfRow } from "./settings-table";

describe("a chapter's settings as the export writes them", () => {
  it("reads every row the export writes back into the settings", () => {
    expect(settingOfRow("mandate", "Geltungszeitraum", "01.01.2026 – 31.12.2030")).toEqual({ validFrom: "2026-01-01", validUntil: "2030-12-31" });
    expect(settingOfRow("mandate", "Geltungszeitraum", "ab 01.01.2026")).toEqual({ validFrom: "2026-01-01", validUntil: null });
    expect(settingOfRow("vision", "Ausrichtung", "Richtet sich an Neuzugewanderte")).toEqual({ wholeSociety: false });
    expect(settingOfRow("governance", "Organisationsmodell", "Kommunales Integrationszentrum")).toEqual({ orgModel: "integration_centre" });
    expect(settingOfRow("governance", "Organisationsmodell", "Integrationsbüro im Sozialdezernat")).toEqual({ orgModel: "other", orgModelOther: "Integrationsbüro im Sozialdezernat" });
    expect(settingOfRow("update", "Fortschreibung", "jährlich")).toEqual({ updateCycleYears: 1 });
    expect(settingOfRow("update", "Fortschreibung", "alle 5 Jahre")).toEqual({ updateCycleYears: 5 });
    expect(settingOfRow("update", "Zuständig für die Fortschreibung", "KI")).toEqual({ updateOffice: "KI" });
  });

  it("leaves rows it cannot read, or of another chapter, as text", () => {
    expect(settingOfRow("mandate", "Geltungszeitraum", "bis auf Weiteres")).toBeNull();
    expect(settingOfRow("update", "Fortschreibung", "alle 50 Jahre")).toBeNull();
    expect(settingOfRow("vision", "Federführende Stelle", "KI")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { oneLine } from "./growing-textarea";

describe("oneLine", () => {
  it("turns typed or pasted line breaks into single spaces and leaves other text alone", () => {
    expect(oneLine("Sprachkurse für\r\n  alle Neuzugewanderten\nbis 2028")).toBe("Sprachkurse für alle Neuzugewanderten bis 2028");
    expect(oneLine("  B1 in  zwei Jahren ")).toBe("  B1 in  zwei Jahren ");
  });
});

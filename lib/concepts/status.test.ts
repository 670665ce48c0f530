import { describe, expect, it } from "vitest";
import { allowedTransitions, isAllowedTransition } from "./status";

describe("the municipal path", () => {
  it("moves one step forward and back to any earlier step", () => {
    expect(allowedTransitions("draft")).toEqual(["interdepartmental"]);
    expect(allowedTransitions("participation")).toEqual(["draft", "interdepartmental", "council_proposal"]);
    expect(allowedTransitions("council_proposal")).toEqual(["draft", "interdepartmental", "participation", "adopted"]);
  });
  it("adopts only from the council proposal", () => {
    expect(isAllowedTransition("draft", "adopted")).toBe(false);
    expect(isAllowedTransition("participation", "adopted")).toBe(false);
    expect(isAllowedTransition("council_proposal", "adopted")).toBe(true);
  });
  it("leaves an adopted concept only by a Fortschreibung (a new draft)", () => {
    expect(allowedTransitions("adopted")).toEqual(["draft"]);
    expect(isAllowedTransition("adopted", "participation")).toBe(false);
  });
});

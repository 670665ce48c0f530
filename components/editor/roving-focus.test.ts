import { describe, expect, it } from "vitest";
import { moveFocus, tabStop } from "./roving-focus";

const all = (n: number) => Array.from({ length: n }, () => true);

describe("roving focus (WAI-ARIA toolbar)", () => {
  it("Right and Left move to the neighbour and wrap around at the ends", () => {
    expect(moveFocus("ArrowRight", 0, all(4))).toBe(1);
    expect(moveFocus("ArrowRight", 3, all(4))).toBe(0);
    expect(moveFocus("ArrowLeft", 2, all(4))).toBe(1);
    expect(moveFocus("ArrowLeft", 0, all(4))).toBe(3);
  });

  it("Home and End go to the first and last enabled item", () => {
    expect(moveFocus("Home", 2, [false, true, true, true, false])).toBe(1);
    expect(moveFocus("End", 1, [false, true, true, true, false])).toBe(3);
  });

  it("disabled items are skipped, also across the wrap", () => {
    // "Tabelle einfügen" (last) is disabled while the cursor is in a table.
    const inTable = [true, true, true, false];
    expect(moveFocus("ArrowRight", 2, inTable)).toBe(0);
    expect(moveFocus("ArrowLeft", 0, inTable)).toBe(2);
    expect(moveFocus("ArrowRight", 0, [true, false, false, true])).toBe(3);
  });

  it("a single enabled item keeps the focus; none enabled gives no target", () => {
    expect(moveFocus("ArrowRight", 1, [false, true, false])).toBe(1);
    expect(moveFocus("ArrowLeft", 0, [false, false])).toBe(-1);
    expect(moveFocus("Home", 0, [])).toBe(-1);
  });

  it("from outside the list Right starts at the first and Left at the last", () => {
    expect(moveFocus("ArrowRight", -1, all(3))).toBe(0);
    expect(moveFocus("ArrowLeft", -1, all(3))).toBe(2);
    expect(moveFocus("ArrowLeft", 7, all(3))).toBe(2);
  });

  it("the Tab stop is the remembered item, or the first enabled when that one is disabled", () => {
    expect(tabStop(2, all(4))).toBe(2);
    expect(tabStop(3, [false, true, true, false])).toBe(1);
    expect(tabStop(9, all(2))).toBe(0);
    expect(tabStop(0, [false, false])).toBe(-1);
  });
});

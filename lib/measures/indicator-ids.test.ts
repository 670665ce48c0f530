import { describe, expect, it } from "vitest";
import { assignIndicatorIds, type IndicatorDraft } from "./indicator-ids";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const FOREIGN = "00000000-0000-4000-8000-0000000000ff";
const ind = (name: string, id?: string): IndicatorDraft => ({ ...(id ? { id } : {}), name, kind: "output", unit: "", baseline: "", target: "", dataSource: "", cadence: "" });
const counter = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-1000000000${String(++n).padStart(2, "0")}`;
};

describe("assignIndicatorIds", () => {
  it("gives every new indicator a new id", () => {
    expect(assignIndicatorIds([ind("Teilnehmende"), ind("Kurse")], [], { newId: counter() }).map((x) => x.id)).toEqual([
      "00000000-0000-4000-8000-100000000001",
      "00000000-0000-4000-8000-100000000002",
    ]);
  });

  it("keeps the id of an edited indicator, even renamed and moved, and gives an added one a new id", () => {
    const previous = [{ ...ind("Teilnehmende"), id: A }, { ...ind("Kurse"), id: B }];
    const out = assignIndicatorIds([ind("Kurse (neu gezählt)", B), ind("Wartezeit"), ind("Teilnehmende", A)], previous, { newId: counter() });
    expect(out.map((x) => [x.name, x.id])).toEqual([
      ["Kurse (neu gezählt)", B],
      ["Wartezeit", "00000000-0000-4000-8000-100000000001"],
      ["Teilnehmende", A],
    ]);
  });

  it("does not take an id the measure never had from the form, nor the same id twice", () => {
    const previous = [{ ...ind("Teilnehmende"), id: A }];
    const out = assignIndicatorIds([ind("Fremd", FOREIGN), ind("Teilnehmende", A), ind("Kopie", A)], previous, { newId: counter() });
    expect(out.map((x) => x.id)).toEqual(["00000000-0000-4000-8000-100000000001", A, "00000000-0000-4000-8000-100000000002"]);
  });

  it("keeps unknown ids of a backup or version, once each", () => {
    const out = assignIndicatorIds([ind("Eins", FOREIGN), ind("Zwei", FOREIGN)], [], { keepUnknown: true, newId: counter() });
    expect(out.map((x) => x.id)).toEqual([FOREIGN, "00000000-0000-4000-8000-100000000001"]);
  });

  it("matches an indicator without id (an old version) to the live one of the same name, ignoring case and spaces", () => {
    const previous = [{ ...ind("Teilnehmende"), id: A }, { ...ind("Kurse"), id: B }];
    const out = assignIndicatorIds([ind(" kurse "), ind("Teilnehmende"), ind("Neu")], previous, { keepUnknown: true, newId: counter() });
    expect(out.map((x) => x.id)).toEqual([B, A, "00000000-0000-4000-8000-100000000001"]);
  });

  it("lowercases ids and leaves the other fields as they are", () => {
    const [x] = assignIndicatorIds([{ ...ind("Quote"), id: A.toUpperCase(), unit: "%", target: "60" }], [], { keepUnknown: true });
    expect(x).toEqual({ id: A, name: "Quote", kind: "output", unit: "%", baseline: "", target: "60", dataSource: "", cadence: "" });
  });
});

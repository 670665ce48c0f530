import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import { othersOnly } from "./others-only";

function pair() {
  const mine = new Awareness(new Y.Doc());
  const theirs = new Awareness(new Y.Doc());
  const fromThem = () => applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), "socket");
  return { mine, theirs, fromThem };
}

describe("the caret plugin's view of the awareness", () => {
  it("hears a colleague's cursor, not its own", () => {
    const { mine, theirs, fromThem } = pair();
    const heard: number[][] = [];
    othersOnly(mine).on("change", ({ added, updated }: { added: number[]; updated: number[] }) => heard.push([...added, ...updated]));
    mine.setLocalStateField("cursor", { anchor: 1, head: 1 });
    mine.setLocalStateField("cursor", { anchor: 2, head: 2 });
    expect(heard).toEqual([]);
    theirs.setLocalStateField("user", { name: "Miriam Keller" });
    fromThem();
    expect(heard).toEqual([[theirs.clientID]]);
    theirs.setLocalStateField("cursor", { anchor: 5, head: 5 });
    fromThem();
    expect(heard).toEqual([[theirs.clientID], [theirs.clientID]]);
  });

  it("stops hearing after off, and passes reads and writes to the awareness itself", () => {
    const { mine, theirs, fromThem } = pair();
    const view = othersOnly(mine);
    let calls = 0;
    const listener = () => calls++;
    view.on("change", listener);
    view.off("change", listener);
    theirs.setLocalStateField("cursor", { anchor: 3, head: 3 });
    fromThem();
    expect(calls).toBe(0);
    view.setLocalStateField("cursor", { anchor: 7, head: 7 });
    expect(mine.getLocalState()?.cursor).toEqual({ anchor: 7, head: 7 });
    expect(view.clientID).toBe(mine.clientID);
    expect(view.getStates().get(theirs.clientID)?.cursor).toEqual({ anchor: 3, head: 3 });
  });
});

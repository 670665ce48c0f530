import { describe, expect, it } from "vitest";
import { doc, p } from "@/lib/editor/build";
import { EMPTY_DOC } from "@/lib/editor/document";
import { countChanges, snapshotHashes, type Snapshot } from "./snapshot";

const snapshot = (sections: { part: string; content: unknown }[]): Snapshot =>
  ({
    data: {
      concept: { title: "Konzept", templateVersion: 1, settings: {} },
      fields: [],
      sections: sections.map((s) => ({ chapter: "mandate", part: s.part, fieldKey: null, content: s.content })),
      subGoals: [],
      measures: [],
    },
    ids: { fields: [], subGoals: [], measures: [] },
  }) as unknown as Snapshot;

describe("countChanges", () => {
  it("counts a part that is empty on one side and missing on the other as no change, and one with text as one", () => {
    const before = snapshotHashes(snapshot([{ part: "text", content: doc(p("Der Rat hat beauftragt.")) }]));
    const withEmptyNewPart = snapshotHashes(snapshot([{ part: "text", content: doc(p("Der Rat hat beauftragt.")) }, { part: "intro", content: EMPTY_DOC }]));
    const withNewText = snapshotHashes(snapshot([{ part: "text", content: doc(p("Der Rat hat beauftragt.")) }, { part: "intro", content: doc(p("Neu.")) }]));
    expect(countChanges(before, withEmptyNewPart)).toEqual({ sections: 0, measures: 0, other: 0 });
    expect(countChanges(withEmptyNewPart, before)).toEqual({ sections: 0, measures: 0, other: 0 });
    expect(countChanges(before, withNewText)).toEqual({ sections: 1, measures: 0, other: 0 });
  });
});

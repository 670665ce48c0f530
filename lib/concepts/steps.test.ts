import { describe, expect, it } from "vitest";
import { conceptSteps, hasAdoptedVersion } from "./steps";

describe("the steps of a concept", () => {
  it("marks the steps before the status done and the next one as the next action", () => {
    const s = conceptSteps("participation");
    expect(s.steps.map((x) => `${x.status}:${x.state}`)).toEqual([
      "draft:done",
      "interdepartmental:done",
      "participation:current",
      "council_proposal:upcoming",
      "adopted:upcoming",
    ]);
    expect(s.next).toBe("council_proposal");
    expect(s.nextAction).toEqual({ kind: "advance", to: "council_proposal" });
  });

  it("starts a new draft at Entwurf with Ressortabstimmung next", () => {
    const s = conceptSteps("draft");
    expect(s.steps[0]).toEqual({ status: "draft", state: "current" });
    expect(s.steps.filter((x) => x.state === "done")).toEqual([]);
    expect(s.next).toBe("interdepartmental");
    expect(s.isUpdate).toBe(false);
  });

  it("after adoption has no next step: the action is a Fortschreibung", () => {
    const s = conceptSteps("adopted", true);
    expect(s.steps.every((x) => x.state !== "upcoming")).toBe(true);
    expect(s.next).toBeNull();
    expect(s.nextAction).toEqual({ kind: "update" });
    expect(s.isUpdate).toBe(false);
  });

  it("calls a draft that follows an adopted version a Fortschreibung", () => {
    const history = [{ status: "draft" }, { status: "adopted" }, { status: "council_proposal" }];
    expect(hasAdoptedVersion(history)).toBe(true);
    expect(conceptSteps("draft", hasAdoptedVersion(history)).isUpdate).toBe(true);
    expect(conceptSteps("interdepartmental", true).isUpdate).toBe(true);
    expect(hasAdoptedVersion([{ status: "council_proposal" }])).toBe(false);
  });

  it("shows an unknown stored status as a draft, never as no step at all", () => {
    const s = conceptSteps("archived");
    expect(s.current).toBe("draft");
    expect(s.steps.filter((x) => x.state === "current")).toHaveLength(1);
  });
});

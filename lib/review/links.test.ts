import { describe, expect, it } from "vitest";
import { auditEntryPath, notificationPath, roundPath, threadPath } from "./links";

const concept = "6f1c9a2e-1b1d-4c59-9a57-3f0e1d2c4b5a";
const thread = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("links to threads (issue 13)", () => {
  it("a thread opens on the concept page, not on the review page", () => {
    expect(threadPath(concept, thread)).toBe(`/concepts/${concept}#thread-${thread}`);
    expect(notificationPath({ conceptId: concept, threadId: thread, roundId: null })).toBe(`/concepts/${concept}#thread-${thread}`);
  });

  it("a round opens on the concept page, where it is answered", () => {
    expect(notificationPath({ conceptId: concept, threadId: null, roundId: thread })).toBe(roundPath(concept));
    expect(roundPath(concept)).toBe(`/concepts/${concept}#pruefrunde`);
  });

  it("the audit log links entries about a thread to the thread, others (and edits of a single comment) to the concept", () => {
    for (const action of ["comment.create", "comment.reply", "thread.resolve", "thread.reopen"]) {
      expect(auditEntryPath({ action, conceptId: concept, objectId: thread })).toBe(`/concepts/${concept}#thread-${thread}`);
    }
    // comment.edit's object is the comment, not its thread: no thread link can be made from it.
    expect(auditEntryPath({ action: "comment.edit", conceptId: concept, objectId: thread })).toBe(`/concepts/${concept}`);
    expect(auditEntryPath({ action: "section.edit", conceptId: concept, objectId: thread })).toBe(`/concepts/${concept}`);
    expect(auditEntryPath({ action: "comment.create", conceptId: concept, objectId: null })).toBe(`/concepts/${concept}`);
  });
});

import { describe, expect, it } from "vitest";
import { isDocumentRequest } from "./page-load";

describe("isDocumentRequest", () => {
  it("is true for a browser's page load and false for the router's payload fetch and a server action", () => {
    expect(isDocumentRequest(new Headers({ "sec-fetch-dest": "document", accept: "text/html,application/xhtml+xml" }))).toBe(true);
    expect(isDocumentRequest(new Headers({ "sec-fetch-dest": "empty", accept: "*/*", rsc: "1" }))).toBe(false);
    expect(isDocumentRequest(new Headers({ "sec-fetch-dest": "empty", accept: "text/x-component", "next-action": "abc" }))).toBe(false);
  });

  it("without Sec-Fetch-Dest (curl, a script) goes by what the client accepts", () => {
    expect(isDocumentRequest(new Headers({ accept: "text/html" }))).toBe(true);
    expect(isDocumentRequest(new Headers({ accept: "*/*" }))).toBe(false);
    expect(isDocumentRequest(new Headers())).toBe(false);
  });
});

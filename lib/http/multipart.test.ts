import { describe, expect, it } from "vitest";
import { boundaryOf, partHeadersHaveControlCharacter } from "./multipart";

const body = (fileName: string) =>
  new TextEncoder().encode(
    [
      "--XyZ",
      'Content-Disposition: form-data; name="0"',
      "",
      '[null,"$K1"]',
      "--XyZ",
      `Content-Disposition: form-data; name="_1_file"; filename="${fileName}"`,
      "Content-Type: application/json",
      "",
      '{"text":"Inhalt darf \u0000 und \t enthalten"}',
      "--XyZ--",
      "",
    ].join("\r\n"),
  );

describe("control characters in multipart part headers", () => {
  it("finds NUL, other C0 controls and DEL in a file name", () => {
    for (const c of ["\u0000", "\u0001", "\u001b", "\u007f"]) expect(partHeadersHaveControlCharacter(body(`konzept${c}.json`), "XyZ")).toBe(true);
  });

  it("lets ordinary names through and never looks into a part's content", () => {
    expect(partHeadersHaveControlCharacter(body("Integrationskonzept Müller-Lüdenscheidt (2026).json"), "XyZ")).toBe(false);
  });

  it("reads the boundary of a multipart content type, quoted or not", () => {
    expect(boundaryOf("multipart/form-data; boundary=----abc")).toBe("----abc");
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe("a b");
    expect(boundaryOf("application/json")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { attachmentHeaders, fileSlug } from "./download";

describe("file names of downloads", () => {
  it("cuts a name of letters outside the basic plane at a whole character, so the header can always be written", () => {
    // 101 UTF-16 units: "A" and 50 mathematical capitals, two units each; cut at 80 units the last one was halved.
    const name = fileSlug("A" + "𝐀".repeat(50), 80, "Konzept");
    expect(Array.from(name.utf8)).toHaveLength(51);
    expect(() => encodeURIComponent(name.utf8)).not.toThrow();
    const header = attachmentHeaders("application/json", name)["Content-Disposition"]!;
    expect(header).toContain("filename*=UTF-8''A%F0%9D%90%80");
    expect(header).toMatch(/filename="A+";/);
  });

  it("keeps at most `max` characters, umlauts and all", () => {
    const name = fileSlug("Integrationskonzept Müllheim 2026–2030", 25, "Konzept");
    expect(name).toEqual({ ascii: "Integrationskonzept-Muell", utf8: "Integrationskonzept-Müllh" });
    expect(fileSlug("   ", 10, "Konzept")).toEqual({ ascii: "Konzept", utf8: "Konzept" });
  });
});

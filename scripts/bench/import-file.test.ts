import { describe, expect, it } from "vitest";
import { DOCX_TYPE, multipart, serverTimings } from "./import-file";

describe("the import benchmark's upload", () => {
  it("is a multipart body a server reads back as the file and the mapping, with its length known", async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const { body, contentType } = await multipart({ name: "Konzept Größe.docx", bytes, type: DOCX_TYPE }, { mapping: "auto" });
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Request("http://localhost/api/concepts/import", { method: "POST", headers: { "Content-Type": contentType }, body }).formData();
    const file = form.get("file") as File;
    expect(file.name).toBe("Konzept Größe.docx");
    expect(file.type).toBe(DOCX_TYPE);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    expect(form.get("mapping")).toBe("auto");
  });

  it("reads the server's steps from Server-Timing, leaving out entries without a duration", () => {
    expect(serverTimings("read;dur=812, map;dur=35, apply;dur=4, write;dur=1203")).toEqual({ read: 812, map: 35, apply: 4, write: 1203 });
    expect(serverTimings('render;desc="Satz";dur=12.5, cache')).toEqual({ render: 12.5 });
    expect(serverTimings(null)).toEqual({});
  });
});

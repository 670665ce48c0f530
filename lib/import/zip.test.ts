import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readZip, zipDirectory, ZIP_LIMITS } from "./zip";

/** Set the uncompressed size in every central directory entry (a zip that lies about its size). */
function lieAboutSizes(zip: Uint8Array, size: number) {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return out;
}

describe("zip limits", () => {
  it("reads a small zip", () => {
    const parts = readZip(zipSync({ "a.xml": strToU8("<a/>"), "b.bin": new Uint8Array(10) }), (n) => n.endsWith(".xml"));
    expect([...parts.keys()]).toEqual(["a.xml"]);
  });

  it("refuses by the directory before inflating: a high ratio, or too much in total", () => {
    expect(() => zipDirectory(zipSync({ "x.xml": new Uint8Array(5 * 1024 * 1024) }))).toThrow(/Zip-Bombe/);
    const limits = { ...ZIP_LIMITS, totalBytes: 1000 };
    expect(() => zipDirectory(zipSync({ "x.xml": strToU8("a".repeat(600)), "y.xml": strToU8("b".repeat(600)) }, { level: 0 }), limits)).toThrow(/Zip-Bombe/);
  });

  it("refuses more text to read than the parsers may hold, counting only the entries it keeps", () => {
    const limits = { ...ZIP_LIMITS, keptBytes: 1000 };
    const image = new Uint8Array(5000).map((_, i) => (i * 7919) % 251);
    const small = zipSync({ "a.xml": strToU8("a".repeat(600)), "c.bin": image }, { level: 0 });
    expect([...readZip(small, (n) => n.endsWith(".xml"), limits).keys()]).toEqual(["a.xml"]);
    const large = zipSync({ "a.xml": strToU8("a".repeat(600)), "b.xml": strToU8("b".repeat(600)), "c.bin": image }, { level: 0 });
    expect(() => readZip(large, (n) => n.endsWith(".xml"), limits)).toThrow(/zu umfangreich für den Import: ausgepackt mehr als 0 MB/);
    expect(() => readZip(large, (n) => n === "a.xml", limits)).not.toThrow();
  });

  it("stops inflating at the declared size when the directory lies", () => {
    const honest = zipSync({ "x.xml": new Uint8Array(200_000).fill(0x41) });
    expect(() => zipDirectory(lieAboutSizes(honest, 100))).not.toThrow();
    expect(() => readZip(lieAboutSizes(honest, 100), () => false)).toThrow(/Zip-Bombe/);
  });
});

import { describe, expect, it } from "vitest";
import { checkLogo, MAX_LOGO_BYTES } from "./logo";

// A real 1×1 PNG (white; written by pngjs — the one here before had a wrong zlib checksum and no decoder reads it).
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000b49444154780163f80f040009fb03fdcf0b68720000000049454e44ae426082",
  "hex",
);
const svg = (body: string, root = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">') =>
  Buffer.from(`${root}${body}</svg>`);

describe("checkLogo", () => {
  it("accepts a real PNG and a plain SVG", () => {
    expect(checkLogo(PNG)).toMatchObject({ ok: true, mediaType: "image/png" });
    expect(checkLogo(svg('<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/>'))).toMatchObject({
      ok: true,
      mediaType: "image/svg+xml",
    });
    expect(checkLogo(Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- Wappen -->\n${svg("<path d='M0 0h10'/>").toString()}`))).toMatchObject({ ok: true });
  });

  it("rejects what only claims to be an image", () => {
    expect(checkLogo(Buffer.from("GIF89a...."))).toEqual({ ok: false, error: "Bitte ein Logo als PNG- oder SVG-Datei hochladen." });
    expect(checkLogo(PNG.subarray(0, 20))).toEqual({ ok: false, error: "Die Datei ist kein gültiges PNG-Bild." });
    expect(checkLogo(Buffer.alloc(0))).toMatchObject({ ok: false });
    expect(checkLogo(Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES)]))).toEqual({ ok: false, error: "Das Logo darf höchstens 512 KB groß sein." });
    expect(checkLogo(Buffer.from("<html><body>x</body></html>"))).toEqual({ ok: false, error: "Die Datei ist kein SVG-Bild." });
    expect(checkLogo(Buffer.from("<svg><rect></svg>"))).toMatchObject({ ok: false, error: expect.stringMatching(/kein gültiges XML/) });
  });

  it.each([
    ["a script", "<script>alert(1)</script>", /<script>/],
    ["an event handler", '<rect width="1" height="1" onload="alert(1)"/>', /Ereignis-Attribute/],
    ["embedded HTML", '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>', /<foreignObject>/],
    ["an external image", '<image href="https://evil.example/x.png"/>', /<image>/],
    ["an external use", '<use href="https://evil.example/a.svg#x"/>', /externe Datei/],
    ["a javascript link", '<use xlink:href="javascript:alert(1)"/>', /externe Datei/],
    ["an external url() in style", '<rect style="fill: url(https://evil.example/p)"/>', /externe Datei/],
    ["an @import", "<style>@import url(https://evil.example/x.css);</style>", /@import/],
    ["an anchor", '<a href="https://evil.example"><rect/></a>', /<a>/],
  ])("rejects an SVG with %s", (_what, body, message) => {
    const result = checkLogo(svg(body));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it("rejects DOCTYPE and entities (no XML entity expansion)", () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>';
    expect(checkLogo(Buffer.from(xxe))).toMatchObject({ ok: false, error: expect.stringMatching(/DOCTYPE/) });
  });
});

describe("logos that would break every export", () => {
  it("refuses a PNG with a corrupt chunk (checksum wrong) or data that does not decode", () => {
    const crc = Buffer.from(PNG);
    crc.writeUInt8(crc.readUInt8(crc.length - 18) ^ 0xff, crc.length - 18); // a byte of the IDAT data: its CRC no longer matches
    expect(checkLogo(crc)).toEqual({ ok: false, error: expect.stringMatching(/^Die PNG-Datei ist beschädigt/) });
    const chunk = Buffer.from("0000000474455874" + "61626364" + "00000000", "hex"); // a tEXt chunk with a zero CRC
    const withChunk = Buffer.concat([PNG.subarray(0, 33), chunk, PNG.subarray(33)]);
    expect(checkLogo(withChunk)).toMatchObject({ ok: false, error: expect.stringMatching(/beschädigt/) });
  });

  it("refuses an SVG whose <use> chain doubles at every step (billion laughs)", () => {
    let defs = '<path id="a0" d="M0 0h1"/>';
    for (let i = 1; i <= 30; i++) defs += `<g id="a${i}"><use href="#a${i - 1}"/><use href="#a${i - 1}"/></g>`;
    const result = checkLogo(svg(`<defs>${defs}</defs><use href="#a30"/>`));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/verkettete Verweise/) });
  });

  it("refuses exponential expansion through patterns, cycles and too many <use>", () => {
    let defs = '<pattern id="p0" width="1" height="1"><rect width="1" height="1"/></pattern>';
    for (let i = 1; i <= 25; i++) defs += `<pattern id="p${i}" width="1" height="1"><rect fill="url(#p${i - 1})"/><rect fill="url(#p${i - 1})"/></pattern>`;
    expect(checkLogo(svg(`<defs>${defs}</defs><rect fill="url(#p25)"/>`))).toEqual({ ok: false, error: expect.stringMatching(/zu aufwendig/) });
    expect(checkLogo(svg('<defs><pattern id="x"><rect fill="url(#y)"/></pattern><pattern id="y"><rect fill="url(#x)"/></pattern></defs><rect fill="url(#x)"/>'))).toEqual({
      ok: false,
      error: expect.stringMatching(/Kreisverweis/),
    });
    expect(checkLogo(svg(`<path id="d" d="M0 0h1"/>${'<use href="#d"/>'.repeat(501)}`))).toEqual({ ok: false, error: expect.stringMatching(/zu viele Wiederholungen/) });
  });

  it("still accepts the references real logos use (gradient inheritance, a few <use>)", () => {
    const inkscape =
      '<defs><linearGradient id="base"><stop offset="0" stop-color="#c00"/></linearGradient><linearGradient id="g2" xlink:href="#base" x1="0" x2="1"/><path id="star" d="M0 0l1 1"/></defs>' +
      '<rect fill="url(#g2)" width="10" height="10"/><use xlink:href="#star"/><use xlink:href="#star" x="2"/>';
    expect(checkLogo(svg(inkscape))).toMatchObject({ ok: true });
  });
});

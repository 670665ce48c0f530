import { describe, expect, it } from "vitest";
import { checkLogo, MAX_LOGO_BYTES } from "./logo";

// A real 1×1 PNG.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
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

import { describe, expect, it } from "vitest";
import { findLinks } from "./comment-links";
import { findMentions, tokenize as tokenizeWith } from "./comment-text";

const tokenize = (body: string, people: { id: string; name: string }[]) => tokenizeWith(body, people, findLinks(body));

const members = [
  { id: "u1", name: "Anna Schulz" },
  { id: "u2", name: "Anna" },
  { id: "u3", name: "Rita Rat" },
];

describe("comment text", () => {
  it("finds links with allowed schemes and mentions; the rest stays text", () => {
    expect(tokenize("Bitte @Anna Schulz prüfen: https://example.org/a?b=1 und mail an amt@stadt.de.", members)).toEqual([
      { kind: "text", text: "Bitte " },
      { kind: "mention", text: "@Anna Schulz", userId: "u1" },
      { kind: "text", text: " prüfen: " },
      { kind: "link", text: "https://example.org/a?b=1", href: "https://example.org/a?b=1" },
      { kind: "text", text: " und mail an " },
      { kind: "link", text: "amt@stadt.de", href: "mailto:amt@stadt.de" },
      { kind: "text", text: "." },
    ]);
  });
  it("never makes javascript:, data: or HTML into anything but text", () => {
    const body = 'javascript:alert(1) data:text/html,<b>x</b> <img src=x onerror="alert(1)">';
    const tokens = tokenize(body, members);
    expect(tokens.filter((t) => t.kind === "link")).toEqual([]);
    expect(tokens.map((t) => t.text).join("")).toBe(body);
  });
  it("links only what the shared link check allows, with the target a browser would open", () => {
    const links = (body: string) => tokenize(body, []).filter((t) => t.kind === "link");
    expect(links("Siehe HTTPS://Example.org/Seite")).toEqual([{ kind: "link", text: "HTTPS://Example.org/Seite", href: "https://example.org/Seite" }]);
    expect(links("Anmeldung: https://rathaus.musterstadt.de@evil.example/x")).toEqual([]);
    expect(links("java\tscript:alert(1) und \u0000javascript:alert(1)")).toEqual([]);
  });
  it("keeps a mention whole where a link would overlap it, and ignores link spans outside the text", () => {
    expect(tokenizeWith("@Anna Schulz", members, [{ start: 1, end: 5, href: "https://anna.example/" }])).toEqual([{ kind: "mention", text: "@Anna Schulz", userId: "u1" }]);
    expect(tokenizeWith("kurz", members, [{ start: 2, end: 40, href: "https://example.org/" }])).toEqual([{ kind: "text", text: "kurz" }]);
  });
  it("mentions by name, case-insensitive, longest name first, not inside longer words", () => {
    expect(findMentions("@anna schulz und @Rita Rat, nicht @Annabell", members)).toEqual(["u1", "u3"]);
    expect(findMentions("@Anna, bitte", members)).toEqual(["u2"]);
  });
});

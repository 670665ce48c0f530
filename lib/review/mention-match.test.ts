import { describe, expect, it } from "vitest";
import { findLinks } from "./comment-links";
import { foldName, insertMention, matchMembers, mentionQueryAt, unknownMentions as unknownIn } from "./mention-match";

const unknownMentions = (body: string, people: { id: string; name: string }[]) => unknownIn(body, people, findLinks(body));

const people = [
  { id: "1", name: "Ayşe Yıldız" },
  { id: "2", name: "Jürgen Müller" },
  { id: "3", name: "Hanna Groß" },
  { id: "4", name: "Anna Schmidt" },
  { id: "5", name: "Łukasz Nowak" },
  { id: "6", name: "Zoë Brontë-Ørsted" },
];
const names = (q: string) => matchMembers(q, people).map((m) => m.name);

describe("foldName", () => {
  it("drops diacritics and folds the letters NFD keeps whole", () => {
    expect(foldName("Ayşe Yıldız")).toBe("ayse yildiz");
    expect(foldName("Hanna Groß")).toBe("hanna gross");
    expect(foldName("Łukasz  Nowak")).toBe("lukasz nowak");
    expect(foldName("İlkay")).toBe("ilkay");
    expect(foldName("Zoë Brontë-Ørsted")).toBe("zoe bronte-orsted");
  });
});

describe("matchMembers", () => {
  it("finds names with diacritics from plain letters", () => {
    expect(names("Yildiz")).toEqual(["Ayşe Yıldız"]);
    expect(names("Muller")).toEqual(["Jürgen Müller"]);
    expect(names("Mueller")).toEqual(["Jürgen Müller"]);
    expect(names("grosS")).toEqual(["Hanna Groß"]);
    expect(names("lukasz")).toEqual(["Łukasz Nowak"]);
    expect(names("orsted")).toEqual(["Zoë Brontë-Ørsted"]);
  });
  it("finds them with the diacritics typed, too", () => {
    expect(names("Yıldız")).toEqual(["Ayşe Yıldız"]);
    expect(names("Müller")).toEqual(["Jürgen Müller"]);
    expect(names("Groß")).toEqual(["Hanna Groß"]);
  });
  it("puts a name that starts with the query before one that only contains it", () => {
    expect(names("an")).toEqual(["Anna Schmidt", "Hanna Groß"]);
    expect(names("ayse yil")).toEqual(["Ayşe Yıldız"]);
  });
  it("lists everyone alphabetically for an empty query, and nobody for a miss", () => {
    expect(names("")).toEqual(["Anna Schmidt", "Ayşe Yıldız", "Hanna Groß", "Jürgen Müller", "Łukasz Nowak", "Zoë Brontë-Ørsted"]);
    expect(names("Hans")).toEqual([]);
    expect(matchMembers("", people, 2)).toHaveLength(2);
  });
});

describe("mentionQueryAt", () => {
  it("finds the mention being typed at the caret", () => {
    expect(mentionQueryAt("Bitte @Yil", 10)).toEqual({ start: 6, query: "Yil" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("(@Ay", 4)).toEqual({ start: 1, query: "Ay" });
    expect(mentionQueryAt("@Ayşe Yıl", 9)).toEqual({ start: 0, query: "Ayşe Yıl" });
  });
  it("ignores e-mail addresses, finished lines and long runs of words", () => {
    expect(mentionQueryAt("mail an info@stadt", 18)).toBeNull();
    expect(mentionQueryAt("@Anna\nweiter", 12)).toBeNull();
    expect(mentionQueryAt("@a b c d e", 10)).toBeNull();
    expect(mentionQueryAt("@ Anna", 6)).toBeNull();
    expect(mentionQueryAt("kein At-Zeichen", 5)).toBeNull();
  });
});

describe("insertMention", () => {
  it("replaces the typed query with the full name and a space, keeping the rest", () => {
    expect(insertMention("Bitte @Yil prüfen", 6, 10, "Ayşe Yıldız")).toEqual({ text: "Bitte @Ayşe Yıldız prüfen", caret: 19 });
    expect(insertMention("@mu", 0, 3, "Jürgen Müller")).toEqual({ text: "@Jürgen Müller ", caret: 15 });
  });
});

describe("unknownMentions", () => {
  it("names the mentions that match no member, each once, and not the known ones or e-mail addresses", () => {
    const body = "@Hans bitte mit @Ayşe Yıldız klären, Kopie an info@stadt.de und @Hans. Auch @Anna Schmidt.";
    expect(unknownMentions(body, people)).toEqual(["@Hans"]);
  });
  it("does not count an @ inside a link as a mention", () => {
    expect(unknownMentions("Siehe https://social.example/@hans und @Hans", people)).toEqual(["@Hans"]);
  });
  it("finds nothing in a comment without mentions", () => {
    expect(unknownMentions("Passt so.", people)).toEqual([]);
  });
});

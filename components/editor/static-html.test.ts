// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { knownHtml, rememberPartsInDom } from "./static-html";

describe("what parts show when the page is left", () => {
  it("is read from the DOM for every part, also one whose component never ran", () => {
    document.body.innerHTML = `
      <div class="section-editor"><div class="rich-static" data-shown-key="s1:k1"><p>Erster Teil</p></div></div>
      <div class="section-editor"><div class="rich-static" data-shown-key="s2:k2"></div></div>
      <div class="rich-static"><p>ohne Schlüssel</p></div>`;
    expect(knownHtml("k1", "s1:k1")).toBeNull();
    rememberPartsInDom(document);
    expect(knownHtml("k1", "s1:k1")).toBe("<p>Erster Teil</p>");
    // an empty element (its text not there) does not stand in for the part's text
    expect(knownHtml("k2", "s2:k2")).toBeNull();
  });
});

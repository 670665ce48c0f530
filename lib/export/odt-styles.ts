/** The styles of the ODT writer (lib/export/odt.ts): styles.xml with headings, header and footer; list styles. */
import type { PdfModel } from "@/lib/pdf/model";
import { ACCENT, el, NS, odfText, TEXT_WIDTH_CM, xml, type X } from "./odt-xml";

export const paraStyle = (name: string, display: string | null, parent: string | null, para: Record<string, string | undefined> | null, text: Record<string, string | undefined> | null, extra: Record<string, string> = {}, ...kids: X[]) =>
  el(
    "style:style",
    { "style:name": name, "style:display-name": display ?? undefined, "style:family": "paragraph", "style:parent-style-name": parent ?? undefined, ...extra },
    para ? el("style:paragraph-properties", para, kids) : null,
    text ? el("style:text-properties", text) : null,
  );

const HEADING_SIZES = ["17pt", "13.5pt", "11.5pt", "10.5pt", "10pt", "10pt"];

export function stylesXml(meta: PdfModel["meta"]): string {
  const tabRight = el("style:tab-stops", null, el("style:tab-stop", { "style:position": `${TEXT_WIDTH_CM}cm`, "style:type": "right" }));
  const tocTabs = el("style:tab-stops", null, el("style:tab-stop", { "style:position": `${TEXT_WIDTH_CM}cm`, "style:type": "right", "style:leader-style": "dotted", "style:leader-text": "." }));
  const small = { "fo:font-size": "8.5pt", "fo:color": "#595959" };
  const mark = meta.draft ? [el("text:span", { "text:style-name": "T_mark" }, { "#text": "ENTWURF · " })] : [];
  const outline = el(
    "text:outline-style",
    { "style:name": "Outline" },
    Array.from({ length: 10 }, (_, i) => el("text:outline-level-style", { "text:level": i + 1, "style:num-format": "" })),
  );
  return xml(
    el(
      "office:document-styles",
      NS,
      el("office:font-face-decls", null,
        el("style:font-face", { "style:name": "Liberation Sans", "svg:font-family": "'Liberation Sans'", "style:font-family-generic": "swiss", "style:font-pitch": "variable" }),
      ),
      el(
        "office:styles",
        null,
        el("style:default-style", { "style:family": "paragraph" },
          el("style:paragraph-properties", { "fo:hyphenation-ladder-count": "no-limit", "style:writing-mode": "page" }),
          el("style:text-properties", { "style:font-name": "Liberation Sans", "fo:font-size": "10pt", "fo:language": "de", "fo:country": "DE", "fo:hyphenate": "true", "fo:hyphenation-remain-char-count": "2", "fo:hyphenation-push-char-count": "2" }),
        ),
        el("style:default-style", { "style:family": "table-cell" }, el("style:text-properties", { "fo:language": "de", "fo:country": "DE" })),
        paraStyle("Standard", null, null, null, null, { "style:class": "text" }),
        paraStyle("Text_20_body", "Text body", "Standard", { "fo:margin-top": "0cm", "fo:margin-bottom": "0.21cm", "fo:line-height": "115%" }, null, { "style:class": "text" }),
        paraStyle("Heading", null, "Standard", { "fo:margin-top": "0.42cm", "fo:margin-bottom": "0.21cm", "fo:keep-with-next": "always", "fo:text-align": "start" }, { "fo:font-weight": "bold", "fo:color": ACCENT }, { "style:next-style-name": "Text_20_body", "style:class": "text" }),
        HEADING_SIZES.map((size, i) =>
          paraStyle(`Heading_20_${i + 1}`, `Heading ${i + 1}`, "Heading", null, { "fo:font-size": size, "fo:font-style": i >= 4 ? "italic" : undefined }, {
            "style:next-style-name": "Text_20_body",
            "style:default-outline-level": String(i + 1),
            "style:class": "text",
          }),
        ),
        paraStyle("Title", null, "Heading", { "fo:text-align": "start" }, { "fo:font-size": "26pt" }, { "style:class": "chapter" }),
        paraStyle("Quotations", null, "Standard", { "fo:margin-left": "1cm", "fo:margin-right": "1cm", "fo:margin-bottom": "0.21cm" }, { "fo:font-style": "italic" }, { "style:class": "html" }),
        paraStyle("Table_20_Contents", "Table Contents", "Standard", null, { "fo:font-size": "9pt" }, { "style:class": "extra" }),
        paraStyle("Table_20_Heading", "Table Heading", "Table_20_Contents", null, { "fo:font-weight": "bold" }, { "style:class": "extra" }),
        paraStyle("Header", null, "Standard", {}, small, { "style:class": "extra" }, tabRight),
        paraStyle("Footer", null, "Standard", {}, small, { "style:class": "extra" }, tabRight),
        paraStyle("Contents_20_Heading", "Contents Heading", "Heading", null, { "fo:font-size": "17pt" }, { "style:class": "index" }),
        paraStyle("Contents_20_1", "Contents 1", "Standard", { "fo:margin-bottom": "0.1cm" }, { "fo:font-weight": "bold" }, { "style:class": "index" }, tocTabs),
        paraStyle("Contents_20_2", "Contents 2", "Standard", { "fo:margin-left": "0.5cm", "fo:margin-bottom": "0.1cm" }, null, { "style:class": "index" }, tocTabs),
        el("style:style", { "style:name": "Internet_20_link", "style:display-name": "Internet link", "style:family": "text" },
          el("style:text-properties", { "fo:color": ACCENT, "style:text-underline-style": "solid", "style:text-underline-width": "auto", "style:text-underline-color": "font-color" }),
        ),
        el("style:style", { "style:name": "Visited_20_Internet_20_Link", "style:display-name": "Visited Internet Link", "style:family": "text" },
          el("style:text-properties", { "fo:color": ACCENT, "style:text-underline-style": "solid", "style:text-underline-width": "auto", "style:text-underline-color": "font-color" }),
        ),
        el("style:style", { "style:name": "Index_20_Link", "style:display-name": "Index Link", "style:family": "text" }),
        outline,
      ),
      el(
        "office:automatic-styles",
        null,
        el("style:page-layout", { "style:name": "pm1" },
          el("style:page-layout-properties", { "fo:page-width": "21cm", "fo:page-height": "29.7cm", "style:print-orientation": "portrait", "fo:margin-top": "1.3cm", "fo:margin-bottom": "1.2cm", "fo:margin-left": "2.5cm", "fo:margin-right": "2.2cm" }),
          el("style:header-style", null, el("style:header-footer-properties", { "fo:min-height": "0cm", "fo:margin-bottom": "0.5cm", "fo:border-bottom": "0.5pt solid #b3b3b3", "fo:padding-bottom": "0.1cm" })),
          el("style:footer-style", null, el("style:header-footer-properties", { "fo:min-height": "0cm", "fo:margin-top": "0.5cm" })),
        ),
        el("style:style", { "style:name": "T_mark", "style:family": "text" }, el("style:text-properties", { "fo:font-weight": "bold" })),
      ),
      el(
        "office:master-styles",
        null,
        el(
          "style:master-page",
          { "style:name": "Standard", "style:page-layout-name": "pm1" },
          el("style:header", null, el("text:p", { "text:style-name": "Header" }, mark, odfText(meta.title), el("text:tab", null), odfText(meta.municipality))),
          el(
            "style:footer",
            null,
            el(
              "text:p",
              { "text:style-name": "Footer" },
              mark,
              odfText(`${meta.version} · ${meta.date}`),
              el("text:tab", null),
              { "#text": "Seite " },
              el("text:page-number", { "text:select-page": "current" }, { "#text": "1" }),
              { "#text": " von " },
              el("text:page-count", null, { "#text": "1" }),
            ),
          ),
        ),
      ),
    ),
  );
}

export function listStyle(name: string, kind: "bullet" | "number"): X {
  return el(
    "text:list-style",
    { "style:name": name },
    Array.from({ length: 10 }, (_, i) => {
      const props = el(
        "style:list-level-properties",
        { "text:list-level-position-and-space-mode": "label-alignment" },
        el("style:list-level-label-alignment", { "text:label-followed-by": "listtab", "text:list-tab-stop-position": `${0.64 * (i + 1)}cm`, "fo:text-indent": "-0.64cm", "fo:margin-left": `${0.64 * (i + 1)}cm` }),
      );
      return kind === "bullet"
        ? el("text:list-level-style-bullet", { "text:level": i + 1, "text:bullet-char": ["•", "◦", "▪"][i % 3] }, props)
        : el("text:list-level-style-number", { "text:level": i + 1, "style:num-suffix": ".", "style:num-format": ["1", "a", "i"][i % 3] }, props);
    }),
  );
}

import * as Y from "yjs";

/** True as soon as the part's document holds one character; stops at the first (lazy tree walk, no copy of the document). */
export function hasText(doc: Y.Doc): boolean {
  const walker = doc.getXmlFragment("default").createTreeWalker((node) => node instanceof Y.XmlText && node.length > 0);
  return !walker.next().done;
}

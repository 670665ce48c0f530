/**
 * Word and other office programs paste HTML full of conditional comments, <o:p>
 * tags, mso-* styles and class soup. The editor's schema already drops unknown
 * nodes and marks; this removes the junk that would otherwise become empty
 * paragraphs or stray text, keeping headings, lists, tables, bold, italic, links.
 */
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<\/?o:p[^>]*>/gi, "")
    .replace(/<\/?(?:w|m|v|o):[^>]*>/gi, "")
    .replace(/<(style|script|meta|link|xml)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<(meta|link)[^>]*\/?>/gi, "")
    .replace(/\s(?:class|style|lang|align)="[^"]*"/gi, "")
    .replace(/<p>(?:&nbsp;|\s)*<\/p>/gi, "");
}

/**
 * Markdown → HTML for the import: ATX headings (#), paragraphs, bullet and
 * numbered lists (nesting by indentation), block quotes (">", nested by
 * repeating it; their text as paragraphs), pipe tables, **bold**, *italic*,
 * [links](…). Raw HTML in the file is kept as text (escaped). Pure, and
 * without recursion: the nesting it builds is checked by ./html-outline.ts.
 */
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function inline(text: string): string {
  return escape(text)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label: string, href: string) => `<a href="${href}">${label}</a>`)
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/__([^_]+)__/g, "<strong>$1</strong>")
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>")
    .replace(/(^|[\s(])_([^_\s][^_]*)_/g, "$1<em>$2</em>");
}

const LIST = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
const QUOTE = /^ {0,3}>/;
const QUOTE_MARKER = /^ {0,3}> ?/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const cells = (line: string) => line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());

export function markdownToHtml(source: string): string {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let para: string[] = [];
  const endPara = () => {
    if (para.length) out.push(`<p>${inline(para.join(" "))}</p>`);
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      endPara();
      out.push(`<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`);
    } else if (!line.trim()) {
      endPara();
    } else if (QUOTE.test(line)) {
      endPara();
      // A run of quote lines: as many <blockquote> open as the line has ">".
      let html = "";
      let depth = 0;
      let text: string[] = [];
      const endText = () => {
        if (text.length) html += `<p>${inline(text.join(" "))}</p>`;
        text = [];
      };
      while (i < lines.length && QUOTE.test(lines[i]!)) {
        let rest = lines[i]!;
        let level = 0;
        for (let m = QUOTE_MARKER.exec(rest); m; m = QUOTE_MARKER.exec(rest)) {
          level++;
          rest = rest.slice(m[0].length);
        }
        if (level !== depth) endText();
        for (; depth < level; depth++) html += "<blockquote>";
        for (; depth > level; depth--) html += "</blockquote>";
        if (rest.trim()) text.push(rest.trim());
        else endText();
        i++;
      }
      endText();
      html += "</blockquote>".repeat(depth);
      out.push(html);
      i--;
    } else if (LIST.test(line)) {
      endPara();
      // A run of list lines: a stack of open lists by indentation.
      const open: { indent: number; tag: string }[] = [];
      let html = "";
      while (i < lines.length && (LIST.test(lines[i]!) || (/^\s+\S/.test(lines[i]!) && open.length))) {
        const m = LIST.exec(lines[i]!);
        if (!m) {
          html += ` ${inline(lines[i]!.trim())}`;
          i++;
          continue;
        }
        const indent = m[1]!.length;
        const tag = /\d/.test(m[2]!) ? "ol" : "ul";
        while (open.length && open.at(-1)!.indent > indent) html += `</li></${open.pop()!.tag}>`;
        if (!open.length || open.at(-1)!.indent < indent) {
          html += `<${tag}><li>`;
          open.push({ indent, tag });
        } else html += "</li><li>";
        html += inline(m[3]!);
        i++;
      }
      while (open.length) html += `</li></${open.pop()!.tag}>`;
      out.push(html);
      i--;
    } else if (line.includes("|") && TABLE_RULE.test(lines[i + 1] ?? "")) {
      endPara();
      const head = cells(line);
      let html = `<table><tr>${head.map((c) => `<th>${inline(c)}</th>`).join("")}</tr>`;
      i += 2;
      while (i < lines.length && lines[i]!.includes("|") && lines[i]!.trim()) {
        html += `<tr>${cells(lines[i]!).map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`;
        i++;
      }
      out.push(`${html}</table>`);
      i--;
    } else {
      para.push(line.trim());
    }
  }
  endPara();
  return out.join("\n");
}

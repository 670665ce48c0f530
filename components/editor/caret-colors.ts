/** The eight caret colours of prosemirror.css (.collab-color-N) as #rrggbb: y-tiptap's caret plugin wants a valid colour in the awareness. */
const CARET_COLORS = ["#1f6feb", "#b35900", "#1a7f37", "#a40e26", "#6639ba", "#0a6b75", "#8a4600", "#4d5a66"] as const;

export const caretColor = (palette: number) => CARET_COLORS[Math.abs(Math.trunc(palette)) % 8]!;

/**
 * The toolbar's icons, drawn inline (no icon font, no emoji: those render as
 * empty boxes where the font lacks them). Decorative: each button names itself
 * with visually hidden text and a title.
 */
import type { ReactNode } from "react";
import type { TextAlignment } from "@/lib/editor/extensions/text-align";

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="toolbar-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

/** Four lines, as office programs draw the alignment buttons; the widths show where the text sits. */
export function AlignIcon({ alignment }: { alignment: TextAlignment }) {
  const lines = [14, 9, 14, 11];
  return (
    <svg className="toolbar-icon" viewBox="0 0 16 16" width="16" height="16" focusable="false" aria-hidden="true">
      {lines.map((width, i) => {
        const w = alignment === "justify" && i < 3 ? 14 : width;
        const x = alignment === "center" ? 1 + (14 - w) / 2 : alignment === "right" ? 15 - w : 1;
        return <rect key={i} x={x} y={2 + i * 3.5} width={w} height="1.6" fill="currentColor" />;
      })}
    </svg>
  );
}

export const BulletListIcon = () => (
  <Icon>
    <path d="M9 6h12M9 12h12M9 18h12" />
    <circle cx="4" cy="6" r="1.3" fill="currentColor" />
    <circle cx="4" cy="12" r="1.3" fill="currentColor" />
    <circle cx="4" cy="18" r="1.3" fill="currentColor" />
  </Icon>
);

export const OrderedListIcon = () => (
  <Icon>
    <path d="M10 6h11M10 12h11M10 18h11" />
    <path d="M3 4.5 4.5 3.5v5" strokeWidth="1.5" />
    <path d="M3 10.8c.3-.6.9-.9 1.5-.8.8.1 1.2.9.8 1.6L3 14.5h2.8" strokeWidth="1.5" />
    <path d="M3 16.5h2.5l-1.3 1.6c.9 0 1.5.5 1.5 1.2 0 .8-.7 1.3-1.5 1.2-.5 0-.9-.2-1.2-.5" strokeWidth="1.5" />
  </Icon>
);

export const LinkIcon = () => (
  <Icon>
    <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
    <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
  </Icon>
);

export const TableIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="16" rx="1" />
    <path d="M3 9.5h18M3 14.8h18M9 9.5V20M15 9.5V20" />
  </Icon>
);

/** A table part (rows or columns) with a plus or a cross beside it. */
const Plus = ({ x, y }: { x: number; y: number }) => <path d={`M${x - 2.5} ${y}h5M${x} ${y - 2.5}v5`} />;
const Cross = ({ x, y }: { x: number; y: number }) => <path d={`M${x - 2.2} ${y - 2.2}l4.4 4.4M${x + 2.2} ${y - 2.2}l-4.4 4.4`} />;

export const RowAboveIcon = () => (
  <Icon>
    <rect x="3" y="10" width="18" height="11" rx="1" />
    <path d="M3 15.5h18M12 10v11" />
    <Plus x={12} y={4.5} />
  </Icon>
);

export const RowBelowIcon = () => (
  <Icon>
    <rect x="3" y="3" width="18" height="11" rx="1" />
    <path d="M3 8.5h18M12 3v11" />
    <Plus x={12} y={19.5} />
  </Icon>
);

export const RowDeleteIcon = () => (
  <Icon>
    <rect x="3" y="8" width="12" height="8" rx="1" />
    <path d="M9 8v8" />
    <Cross x={19.5} y={12} />
  </Icon>
);

export const ColumnLeftIcon = () => (
  <Icon>
    <rect x="10" y="3" width="11" height="18" rx="1" />
    <path d="M15.5 3v18M10 12h11" />
    <Plus x={4.5} y={12} />
  </Icon>
);

export const ColumnRightIcon = () => (
  <Icon>
    <rect x="3" y="3" width="11" height="18" rx="1" />
    <path d="M8.5 3v18M3 12h11" />
    <Plus x={19.5} y={12} />
  </Icon>
);

export const ColumnDeleteIcon = () => (
  <Icon>
    <rect x="8" y="3" width="8" height="12" rx="1" />
    <path d="M8 9h8" />
    <Cross x={12} y={19.5} />
  </Icon>
);

export const HeaderRowIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="16" rx="1" />
    <rect x="3" y="4" width="18" height="5.5" fill="currentColor" />
    <path d="M3 14.8h18M9 9.5V20M15 9.5V20" />
  </Icon>
);

export const TableDeleteIcon = () => (
  <Icon>
    <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" />
  </Icon>
);

/** German numbers for the backup commands' output: "3.456 Zeilen, 1,2 MB in 0,8 s". */
const whole = new Intl.NumberFormat("de-DE");
const oneDecimal = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatCount(n: number) {
  return whole.format(n);
}

export function rowsLabel(n: number) {
  return `${whole.format(n)} ${n === 1 ? "Zeile" : "Zeilen"}`;
}

/** "1,2 MB", "834 kB", "512 Bytes" (decimal units) */
export function formatBytes(bytes: number) {
  if (bytes >= 1_000_000) return `${oneDecimal.format(bytes / 1_000_000)} MB`;
  if (bytes >= 1_000) return `${whole.format(Math.round(bytes / 1_000))} kB`;
  return `${whole.format(bytes)} Bytes`;
}

export function formatSeconds(ms: number) {
  return `${oneDecimal.format(ms / 1000)} s`;
}

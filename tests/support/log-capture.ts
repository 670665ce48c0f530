import { setLogDestination } from "@/lib/log";

/**
 * Send the app's log (lib/log.ts) into memory until `restore()`: the same
 * logger settings (redaction, request id), every level down to trace.
 */
export function captureLog() {
  const lines: string[] = [];
  setLogDestination({ write: (line: string) => void lines.push(...line.split("\n").filter(Boolean)) }, "trace");
  return {
    lines,
    /** every line parsed */
    entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    /** the lines of one event */
    events: (event: string) => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.event === event),
    text: () => lines.join("\n"),
    restore: () => setLogDestination(null),
  };
}

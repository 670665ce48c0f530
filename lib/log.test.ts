/** The logger's settings and the request id/path helpers of the custom server. */
import { describe, expect, it } from "vitest";
import { pathOf, requestIdFrom } from "@/lib/http/request-log";
import { createLogger, currentRequestId, errorFields, logLevel, withRequestContext } from "@/lib/log";

describe("LOG_LEVEL", () => {
  it("a known level is used, anything else is info", () => {
    expect(logLevel({})).toBe("info");
    expect(logLevel({ LOG_LEVEL: "WARN" })).toBe("warn");
    expect(logLevel({ LOG_LEVEL: "silent" })).toBe("silent");
    expect(logLevel({ LOG_LEVEL: "verbose" })).toBe("info");
  });

  it("silent writes nothing, warn drops info", () => {
    const lines: string[] = [];
    const dest = { write: (l: string) => void lines.push(l) };
    createLogger(dest, "silent").error({ event: "x" });
    const warn = createLogger(dest, "warn");
    warn.info({ event: "dropped" });
    warn.warn({ event: "kept" });
    expect(lines.map((l) => (JSON.parse(l) as { event: string; level: string }).event)).toEqual(["kept"]);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "warn", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });
});

describe("request ids", () => {
  it("a safe incoming id is kept, anything else replaced by a UUID", () => {
    expect(requestIdFrom("abc-123_x.y")).toBe("abc-123_x.y");
    for (const bad of [undefined, "", "a b", "x".repeat(65), '{"level":"error"}', "id\nforged", "ä"]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
    expect(requestIdFrom(["first", "second"])).toBe("first");
  });

  it("is visible inside its context, also after an await", async () => {
    expect(currentRequestId()).toBeUndefined();
    await withRequestContext({ requestId: "r-1" }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentRequestId()).toBe("r-1");
    });
  });
});

describe("paths", () => {
  it("the query string and fragment never reach the log", () => {
    expect(pathOf("/passwort/neu?token=abc")).toBe("/passwort/neu");
    expect(pathOf("/a#b")).toBe("/a");
    expect(pathOf("http://host.example/x/y?z=1")).toBe("/x/y");
    expect(pathOf(undefined)).toBe("/");
    expect(pathOf("*")).toBe("/");
  });

  it("the token of an invitation or password-reset link is replaced", () => {
    expect(pathOf("/einladung/AbCdEf123456")).toBe("/einladung/[token]");
    expect(pathOf("/passwort-neu/AbCdEf123456?_rsc=1")).toBe("/passwort-neu/[token]");
    expect(pathOf("/concepts/123")).toBe("/concepts/123");
  });
});

describe("errorFields", () => {
  it("keeps kind, code and frames; drops a message that may quote data", () => {
    const e = Object.assign(new Error("duplicate key value violates unique constraint, Key (email)=(a@b.example)"), { code: "23505", constraint_name: "users_email_unique" });
    const f = errorFields(e);
    expect(f).toMatchObject({ type: "Error", code: "23505", constraint: "users_email_unique" });
    expect(JSON.stringify(f)).not.toContain("a@b.example");
    expect(errorFields(new TypeError('x of "geheim@privat.example" is undefined')).message).toBe("x of […] is undefined");
    expect(errorFields("a string")).toEqual({ type: "string" });
  });
});

describe("bridgeConsole", () => {
  it("turns a library's console output into JSON lines without messages, quotes or addresses", async () => {
    const { captureLog } = await import("@/tests/support/log-capture");
    const { bridgeConsole } = await import("@/lib/log");
    const capture = captureLog();
    const restore = bridgeConsole();
    try {
      console.error(" ⨯", Object.assign(new Error("Konzept Geheimhausen kaputt"), { digest: "123" }));
      console.warn('[beforeHandleMessage] Baustein „script“ von a@b.example', { cookie: "x" });
      console.log("zweite\nZeile");
    } finally {
      restore();
      capture.restore();
    }
    const lines = capture.events("console");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: "error", line: "⨯", error: { type: "Error", digest: "123" } });
    expect(lines[1]).toMatchObject({ level: "warn", line: "[beforeHandleMessage] Baustein […] von […] […]" });
    expect(lines[2]).toMatchObject({ level: "info", line: "zweite" });
    expect(capture.text()).not.toMatch(/Geheimhausen|script|a@b\.example|"cookie"|Zeile/);
  });
});

/**
 * A 500 that still happens is logged with a number the user sees: in route
 * handlers (errorResponse), server actions (guardedAction) and the actions
 * without a session (publicAction).
 */
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/session", () => ({ requireActor: async () => ({ id: "u1", email: "a@b.example", name: "A", sessionId: "s1" }) }));

import { guardedAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route";
import { publicAction } from "@/lib/members/public-action";
import { z } from "@/lib/validation";
import { captureLog } from "@/tests/support/log-capture";

const NUMBER = /Fehlernummer ([0-9A-F]{8})\)\. Bitte versuchen Sie es erneut oder wenden Sie sich mit dieser Nummer an den Support\./;

/** The JSON log lines (lib/log.ts) written while `fn` runs. */
async function logged(fn: () => Promise<unknown>) {
  const capture = captureLog();
  try {
    const result = await fn();
    return { result, lines: capture.lines };
  } finally {
    capture.restore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe("unexpected errors carry a number that is in the log", () => {
  it("route handlers: 500 with the number in the message, the body and the header; one JSON log line with it", async () => {
    const { result, lines } = await logged(async () => errorResponse(new TypeError("Cannot read properties of undefined (reading 'x')")));
    const res = result as Response;
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string; errorId: string } };
    const id = NUMBER.exec(body.error.message)?.[1];
    expect(id).toMatch(/^[0-9A-F]{8}$/);
    expect(body.error.errorId).toBe(id);
    expect(res.headers.get("X-Error-Id")).toBe(id);
    expect(body.error.message).not.toContain("Cannot read");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as { error: Record<string, string> } & Record<string, unknown>;
    expect(entry).toMatchObject({ level: "error", event: "error.unexpected", errorId: id, where: "route" });
    // The engine's own message names code, not data: it is kept.
    expect(entry.error).toMatchObject({ type: "TypeError", message: "Cannot read properties of undefined (reading 'x')" });
    expect(entry.error.stack).toContain("error-report.test.ts");
  });

  it("two errors get two numbers", async () => {
    const { result } = await logged(async () => Promise.all([errorResponse(new Error("a")).json(), errorResponse(new Error("b")).json()]));
    const [a, b] = result as { error: { errorId: string } }[];
    expect(a!.error.errorId).not.toBe(b!.error.errorId);
  });

  it("a domain error keeps its own status and German message, without a number and without a log line", async () => {
    const { result, lines } = await logged(async () => errorResponse(new AppError("not_found", "Diesen Abschnitt gibt es nicht.")));
    const res = result as Response;
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "Diesen Abschnitt gibt es nicht." } });
    expect(lines).toEqual([]);
  });

  it("server actions: the result shows the number, the log has it", async () => {
    const { result, lines } = await logged(() =>
      guardedAction(z.object({ title: z.string() }), { title: "Maßnahme" }, async () => {
        throw new RangeError("Maximum call stack size exceeded");
      }),
    );
    const r = result as { ok: false; error: string; errorId: string };
    expect(r.ok).toBe(false);
    const id = NUMBER.exec(r.error)?.[1];
    expect(id).toMatch(/^[0-9A-F]{8}$/);
    expect(r.errorId).toBe(id);
    expect(JSON.parse(lines[0]!)).toMatchObject({ errorId: id, where: "action", error: { type: "RangeError" } });
  });

  it("actions without a session (registration, invitation): the same", async () => {
    const { result, lines } = await logged(() =>
      publicAction(z.object({ name: z.string() }), { name: "Musterstadt" }, async () => {
        throw new Error("invalid byte sequence for encoding \"UTF8\": 0x00");
      }),
    );
    const r = result as { ok: false; error: string; errorId: string };
    const id = NUMBER.exec(r.error)?.[1];
    expect(r.errorId).toBe(id);
    expect(r.error).not.toContain("UTF8");
    expect(JSON.parse(lines[0]!)).toMatchObject({ errorId: id, where: "public-action", error: { type: "Error" } });
    // Another error's message may quote what the user typed: not logged, only its hash.
    expect(lines[0]).not.toContain("UTF8");
  });
});

/**
 * No personal data and no document content in the server's log (lib/log.ts):
 * real code paths that log — a failed sign-in, an unexpected error in an action,
 * a mail the SMTP server refuses, the request line of the custom server — run
 * with the log captured; planted addresses, passwords, tokens, cookies and a
 * concept title must not appear, while each event's line (the positive control)
 * must.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/session", () => ({ requireActor: async () => ({ id: "u1", email: "sachbearbeitung@geheim.example", name: "Erika Geheim", sessionId: "s1" }) }));

import { closeDb } from "@/db";
import { enqueueMail } from "@/db/queries/mail";
import { guardedAction } from "@/lib/actions";
import { verifySignIn } from "@/lib/auth/sign-in";
import { serveWithRequestLog } from "@/lib/http/request-log";
import { log, withRequestContext } from "@/lib/log";
import { processMailQueue } from "@/lib/mail/queue";
import { z } from "@/lib/validation";
import { makeMunicipality } from "../support/fixtures";
import { captureLog } from "../support/log-capture";

let capture: ReturnType<typeof captureLog>;
let town: Awaited<ReturnType<typeof makeMunicipality>>;

beforeAll(async () => {
  town = await makeMunicipality("Protokollstadt");
});
afterEach(() => capture?.restore());
afterAll(() => closeDb());

describe("the log holds events, not personal data", () => {
  it("a failed sign-in: reason and request id, not the address, the password or the client address", async () => {
    capture = captureLog();
    const password = "Sehr-Geheimes-Passwort-4711";
    const result = await withRequestContext({ requestId: "req-signin-1" }, () => verifySignIn({ email: town.admin.email, password, ip: "203.0.113.77" }));
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(capture.events("auth.sign_in_failed")).toEqual([expect.objectContaining({ level: "info", reason: "invalid", requestId: "req-signin-1" })]);
    const text = capture.text();
    for (const secret of [town.admin.email, password, "203.0.113.77", town.admin.name!]) expect(text).not.toContain(secret);
  });

  it("an unexpected error in an action: the error number and kind, not the concept title in its message", async () => {
    capture = captureLog();
    const title = "Integrationskonzept Verschwiegenheim 2031";
    const plain = await guardedAction(z.object({ title: z.string() }), { title }, async () => {
      throw new Error(`Konzept ${title} von sachbearbeitung@geheim.example konnte nicht gespeichert werden`);
    });
    // An engine error's message is logged (it names code), with anything quoted masked.
    const engine = await guardedAction(z.object({ title: z.string() }), { title }, async () => {
      throw new TypeError(`Cannot read properties of undefined (reading "${title}")`);
    });
    const ids = [plain, engine].map((r) => (r.ok ? null : r.errorId));
    const lines = capture.events("error.unexpected");
    expect(lines.map((l) => l.errorId)).toEqual(ids);
    expect(lines[0]).toMatchObject({ level: "error", where: "action", error: { type: "Error", messageHash: expect.any(String) } });
    expect(lines[1]).toMatchObject({ error: { type: "TypeError", message: "Cannot read properties of undefined (reading […])" } });
    const text = capture.text();
    expect(text).not.toContain("Verschwiegenheim");
    expect(text).not.toContain("geheim.example");
    expect(text).not.toContain("Erika");
  });

  it("a mail the SMTP server refuses: mail id, kind and reply code, not the recipient, subject or body", async () => {
    const recipient = "anna.vertraulich@empfang.example";
    await enqueueMail({ municipalityId: town.municipality.id, kind: "invitation", recipient, subject: "Einladung für Anna Vertraulich", textBody: "Ihr Link: https://x.example/einladung?token=TOKEN-ABC-123", htmlBody: "<p>TOKEN-ABC-123</p>", messageId: "<m1@test.example>" });
    capture = captureLog();
    const { failed } = await processMailQueue({
      send: async (mail) => {
        throw Object.assign(new Error(`550 5.1.1 <${mail.to}>: Recipient address rejected`), { code: "EENVELOPE", responseCode: 550 });
      },
    });
    expect(failed).toBeGreaterThanOrEqual(1);
    expect(capture.events("mail.send_failed")).toContainEqual(expect.objectContaining({ level: "warn", kind: "invitation", error: expect.objectContaining({ code: "EENVELOPE", responseCode: 550 }) }));
    const text = capture.text();
    for (const secret of [recipient, "Vertraulich", "TOKEN-ABC-123", "Recipient address rejected"]) expect(text).not.toContain(secret);
  });

  it("the request line: method, path without query, status, duration and request id; no query, cookie or Authorization", async () => {
    capture = captureLog();
    const server = http.createServer((req, res) =>
      serveWithRequestLog(req, res, () => {
        log.info({ event: "test.inside" }, "im Request");
        res.statusCode = 204;
        res.end();
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const forged = await fetch(`${base}/passwort/neu?token=RESET-TOKEN-999&email=leak%40privat.example`, {
        headers: { Authorization: "Bearer AUTH-SECRET-42", Cookie: "authjs.session-token=COOKIE-SECRET-7", "X-Request-Id": "evil id with spaces {json}" },
      });
      const invitation = await fetch(`${base}/einladung/INVITE-TOKEN-555`);
      expect(invitation.status).toBe(204);
      const kept = await fetch(`${base}/api/concepts/123e4567-e89b-12d3-a456-426614174000`, { headers: { "X-Request-Id": "lb-4f2a.9_x" } });
      expect(forged.status).toBe(204);
      const generated = forged.headers.get("x-request-id");
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
      expect(kept.headers.get("x-request-id")).toBe("lb-4f2a.9_x");
      await vi.waitFor(() => expect(capture.events("http.request")).toHaveLength(3));
      const [first, third, second] = capture.events("http.request");
      expect(third).toMatchObject({ path: "/einladung/[token]", status: 204 });
      expect(first).toMatchObject({ level: "info", method: "GET", path: "/passwort/neu", status: 204, requestId: generated, durationMs: expect.any(Number) });
      expect(second).toMatchObject({ path: "/api/concepts/123e4567-e89b-12d3-a456-426614174000", requestId: "lb-4f2a.9_x" });
      // Lines logged while serving carry the request's id.
      expect(capture.events("test.inside").map((e) => e.requestId)).toEqual([generated, third!.requestId, "lb-4f2a.9_x"]);
      const text = capture.text();
      for (const secret of ["RESET-TOKEN-999", "privat.example", "AUTH-SECRET-42", "COOKIE-SECRET-7", "evil id", "token=", "INVITE-TOKEN-555"]) expect(text).not.toContain(secret);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("the safety net: known personal keys passed by mistake are redacted", () => {
    capture = captureLog();
    log.warn({ event: "test.redact", email: "aus.versehen@privat.example", user: { name: "Max Mustermann", password: "pw-123456" }, sectionId: "s-1" });
    const [line] = capture.events("test.redact");
    expect(line).toMatchObject({ email: "[redacted]", user: { name: "[redacted]", password: "[redacted]" }, sectionId: "s-1" });
    expect(capture.text()).not.toMatch(/aus\.versehen|Mustermann|pw-123456/);
  });
});

/**
 * A page that throws on the server: Next logs it through instrumentation.ts with
 * its digest, and the error page shows that digest as the Fehlernummer, so the
 * number a user quotes finds the log line.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { onRequestError } from "@/instrumentation";
import { UnexpectedError } from "@/components/ui/unexpected-error";
import { captureLog } from "@/tests/support/log-capture";

afterEach(() => vi.restoreAllMocks());

describe("error page and server log", () => {
  it("show and log the same number for a server error", async () => {
    const capture = captureLog();
    await onRequestError(new Error("x"), { path: "/einladung/GEHEIMES-TOKEN", method: "GET", headers: {} }, { routerKind: "App Router", routePath: "/einladung/[token]", routeType: "render", renderSource: "react-server-components", revalidateReason: undefined });
    expect(capture.lines.splice(0)[0]).toContain('"path":"/einladung/[token]"');
    const lines = capture.lines;
    const error = Object.assign(new Error("Datenbank weg"), { digest: "3141592653" });
    await onRequestError(error, { path: "/concepts/x?token=geheim123", method: "GET", headers: {} }, { routerKind: "App Router", routePath: "/concepts/[conceptId]", routeType: "render", renderSource: "react-server-components", revalidateReason: undefined });
    expect(lines).toHaveLength(1);
    const logged = JSON.parse(lines[0]!) as { errorId: string; path: string; message?: string };
    capture.restore();
    expect(logged).toMatchObject({ event: "error.unexpected", errorId: "3141592653", path: "/concepts/x" });
    expect(lines[0]).not.toContain("geheim123");

    const html = renderToStaticMarkup(createElement(UnexpectedError, { error, retry: () => undefined }));
    expect(html).toContain("Fehlernummer 3141592653");
    expect(html).not.toContain("Datenbank weg");
  });

  it("give an error of the browser alone its own number", () => {
    const html = renderToStaticMarkup(createElement(UnexpectedError, { error: new Error("nur im Browser"), retry: () => undefined }));
    expect(html).toMatch(/Fehlernummer [0-9A-F]{8}\)/);
  });
});

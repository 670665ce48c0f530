import { expect, test } from "./fixtures";

/**
 * The page's scripts and stylesheet come from the server's memory (lib/http/static-files.ts), compressed with
 * brotli for a browser that takes it, with the app's security headers and kept for a year (their names change
 * with their content). A page that loads them works under the CSP (csp.spec checks every page's console).
 */
test("scripts and stylesheet come compressed, with the security headers, cached for a year", async ({ page, request }) => {
  await page.goto("/login");
  const files = await page.evaluate(() => [
    ...[...document.querySelectorAll<HTMLScriptElement>("script[src]")].map((s) => s.src),
    ...[...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => l.href),
  ]);
  expect(files.some((f) => f.endsWith(".css"))).toBe(true);
  expect(files.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(3);
  for (const file of files) {
    const { pathname } = new URL(file);
    expect(pathname).toMatch(/^\/_next\/static\//);
    // Chromium names gzip first; the smaller brotli is chosen all the same.
    const res = await request.get(pathname, { headers: { "Accept-Encoding": "gzip, deflate, br, zstd" } });
    expect(res.status(), pathname).toBe(200);
    const headers = res.headers();
    expect(headers["content-encoding"], pathname).toBe("br");
    expect(headers["cache-control"], pathname).toBe("public, max-age=31536000, immutable");
    expect(headers["x-content-type-options"], pathname).toBe("nosniff");
    expect(headers["content-type"], pathname).toMatch(pathname.endsWith(".css") ? /^text\/css/ : /^application\/javascript/);
    expect((await res.body()).length, pathname).toBeGreaterThan(0);
  }
  // What the build did not make is not served: Next.js answers 404.
  expect((await request.get("/_next/static/chunks/gibt-es-nicht.js")).status()).toBe(404);
  expect((await request.post(new URL(files[0]!).pathname)).status()).toBe(405);
});

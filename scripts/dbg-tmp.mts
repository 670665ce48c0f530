import { spawn } from "node:child_process";
import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { signInCookie } from "./sign-in";
import { signedInBrowser } from "./bench/browser";
const PORT = 3181, BASE = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync("/tmp/kw-dbg-");
const srv = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.scripts.json", PORT: String(PORT), HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "bench-secret-0123456789abcdef0123", KONZEPTWERK_SKIP_BUILD: "1" }, stdio: "ignore" });
try {
  for (;;) { try { if ((await fetch(`${BASE}/api/health`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 200)); }
  for (const who of ["rat@musterstadt.example", "redaktion@musterstadt.example"]) {
    const cookie = await signInCookie(BASE, who, "konzeptwerk");
    const { concepts } = (await (await fetch(`${BASE}/api/concepts`, { headers: { cookie } })).json()) as { concepts: { id: string }[] };
    const { browser, page } = await signedInBrowser(BASE, cookie);
    const scripts: { url: string; body: Buffer; t: number }[] = [];
    const t0 = Date.now();
    page.on("response", async (res) => { if (res.request().resourceType() === "script") { try { scripts.push({ url: res.url(), body: await res.body(), t: Date.now() - t0 }); } catch {} } });
    await page.goto(`${BASE}/concepts/${concepts[0]!.id}`, { waitUntil: "load" });
    const atLoad = scripts.length;
    const sumAt = (n: number) => { const s = scripts.slice(0, n); return `${Math.round(s.reduce((a, b) => a + b.body.length, 0) / 1024)} KB raw / ${Math.round(s.reduce((a, b) => a + gzipSync(b.body).length, 0) / 1024)} KB gzip (${n} scripts)`; };
    console.log(who, "at load:", sumAt(atLoad));
    await page.waitForLoadState("networkidle");
    console.log(who, "at networkidle:", sumAt(scripts.length));
    for (const s of scripts.slice(0, atLoad)) console.log("   load:", s.url.split("/").pop(), Math.round(s.body.length / 1024), "KB at", s.t, "ms");
    console.log("   live parts:", await page.locator('[data-live="true"]').count(), "static:", await page.locator('.section-editor[data-live="false"]').count());
    for (const s of scripts.slice(atLoad)) console.log("   later:", s.url.split("/").pop(), Math.round(s.body.length / 1024), "KB at", s.t, "ms");
    await browser.close();
  }
} finally { srv.kill("SIGTERM"); }

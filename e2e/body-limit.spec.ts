import http from "node:http";
import { expect, pageAs, test } from "./fixtures";
import { postFormAction, serverAction } from "./support/actions";

test("a server action body over the limit is refused at once with a German 413, not a 500", async ({ browser, baseURL }) => {
  const editor = await pageAs(browser, "editor");
  const importAction = serverAction("importConceptAction");
  const file = { name: "sicherung.json", mimeType: "application/json", buffer: Buffer.alloc(23 * 1024 * 1024, 0x20) };
  const started = Date.now();
  const res = await postFormAction(editor.request, importAction, { file }, { Origin: baseURL! });
  const seconds = (Date.now() - started) / 1000;
  expect(res.status()).toBe(413);
  expect(await res.text()).toContain("Die Anfrage ist zu groß (höchstens 21 MB)");
  expect(seconds).toBeLessThan(3);

  // Just below the limit the action itself answers, with its own German message about the file.
  const broken = { name: "sicherung.json", mimeType: "application/json", buffer: Buffer.from("{ kaputt") };
  const ok = await postFormAction(editor.request, importAction, { file: broken }, { Origin: baseURL! });
  expect(ok.status()).toBe(200);
  expect(await ok.text()).toContain("sicherung.json");

  // A legitimate large backup (12 MB, padded with whitespace) still arrives whole and is imported:
  // proxy.ts reads every action body, and Next.js must not cut it short for it.
  const { concepts } = await (await editor.request.get("/api/concepts")).json();
  const backup = await (await editor.request.get(`/api/concepts/${concepts[0].id}/export`)).text();
  const large = { name: "gross.json", mimeType: "application/json", buffer: Buffer.from(backup + " ".repeat(12 * 1024 * 1024)) };
  const imported = await postFormAction(editor.request, importAction, { file: large }, { Origin: baseURL! });
  expect(imported.headers()["x-action-redirect"], await imported.text()).toMatch(/^\/concepts\/[0-9a-f-]{36}/);
  await editor.context().close();
});

test("a server action body of unknown length (chunked) is refused before it is read", async ({ baseURL }) => {
  const { id, path } = serverAction("importConceptAction");
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(`${baseURL}${path}`, {
      method: "POST",
      headers: { "Next-Action": id, Origin: baseURL!, "Content-Type": "text/plain;charset=UTF-8", "Transfer-Encoding": "chunked" },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.write("x".repeat(64 * 1024));
    req.end();
  });
  expect(status).toBe(411);
});

test("a file name with a control character gets a German 400 before any action runs, and nothing is created", async ({ browser, baseURL }) => {
  const admin = await pageAs(browser, "admin");
  const concepts = async () => ((await (await admin.request.get("/api/concepts")).json()) as { concepts: unknown[] }).concepts.length;
  const before = await concepts();
  const backup = await (await admin.request.get(`/api/concepts/${((await (await admin.request.get("/api/concepts")).json()) as { concepts: { id: string }[] }).concepts[0]!.id}/export`)).text();
  for (const [action, name, content] of [
    ["importConceptAction", "sicherung\u0000.json", backup],
    ["uploadLogoAction", "wappen\u0001.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'],
  ] as const) {
    const { id, path } = serverAction(action);
    // Written by hand: form encoders of clients differ in what they escape in a file name.
    const body = Buffer.from(
      [
        "--KwGrenze",
        `Content-Disposition: form-data; name="_1_file"; filename="${name}"`,
        "Content-Type: application/octet-stream",
        "",
        content,
        "--KwGrenze",
        'Content-Disposition: form-data; name="0"',
        "",
        '[null,"$K1"]',
        "--KwGrenze--",
        "",
      ].join("\r\n"),
    );
    const res = await admin.request.post(path, {
      headers: { "Next-Action": id, Accept: "text/x-component", Origin: baseURL!, "Content-Type": "multipart/form-data; boundary=KwGrenze" },
      data: body,
      maxRedirects: 0,
    });
    expect(res.status(), action).toBe(400);
    expect(await res.text()).toContain("Der Dateiname enthält ein unzulässiges Steuerzeichen");
  }
  expect(await concepts()).toBe(before);
  await admin.context().close();
});

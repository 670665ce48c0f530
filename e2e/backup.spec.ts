import fs from "node:fs";
import { expect, test } from "./fixtures";
import { conceptTitles, ImportPage } from "./pages/import";

type Backup = {
  format: string;
  exportedAt: string;
  concept: { title: string; [key: string]: unknown };
  sections: { revision: number; content: unknown; [key: string]: unknown }[];
  [key: string]: unknown;
};

/** The parts of a backup that must survive export → import → export unchanged. */
function comparable(backup: Backup) {
  const { exportedAt: _at, concept, sections, ...rest } = backup;
  // The status is left out: an import always starts as a draft.
  const { title: _title, status: _status, ...conceptRest } = concept;
  return { ...rest, concept: conceptRest, sections: sections.map(({ revision: _rev, ...s }) => s) };
}

test("a backup downloaded from the concept page imports as a new concept with the same content", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.openDemoConcept();
  const sourceId = page.url().split("/").pop()!;
  const sourceTitle = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();

  const downloadPromise = page.waitForEvent("download");
  await conceptPage.openMoreActions();
  await page.getByRole("link", { name: "Sicherung herunterladen (JSON)" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^Integrationskonzept_[A-Za-z0-9-]+_\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const downloaded = JSON.parse(fs.readFileSync(file, "utf8")) as Backup;
  expect(downloaded.format).toBe("konzeptwerk.concept");
  expect(downloaded.concept.title).toBe(sourceTitle);
  expect((downloaded.measures as unknown[]).length).toBeGreaterThan(0);
  expect((downloaded.subGoals as unknown[]).length).toBeGreaterThan(0);

  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.upload(file);
  await expect(page).toHaveURL(/\/concepts\/[0-9a-f-]{36}$/);
  const importedId = page.url().split("/").pop()!;
  expect(importedId).not.toBe(sourceId);
  // The title is taken by the source, so the copy is marked (a retry in the same server run would add a number).
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^${escape(sourceTitle)} \\(Import( \\d+)?\\)$`));
  await expect(page.getByRole("navigation", { name: "Gliederung" })).toBeVisible();

  const source = (await (await page.request.get(`/api/concepts/${sourceId}/export`)).json()) as Backup;
  const imported = (await (await page.request.get(`/api/concepts/${importedId}/export`)).json()) as Backup;
  expect(imported.concept.title).toMatch(/\(Import( \d+)?\)$/);
  expect(imported.concept.status).toBe("draft");
  expect(comparable(imported)).toEqual(comparable(source));
  // The download is the same backup the API gives.
  expect(comparable(downloaded)).toEqual(comparable(source));
  // An import starts every section's editing history anew.
  expect(imported.sections.every((s) => s.revision === 0)).toBe(true);
});

test("a broken backup is refused with a German message and creates no concept", async ({ conceptPage }) => {
  const page = conceptPage.page;
  const before = await conceptTitles(page);
  expect(before.length).toBeGreaterThan(0);

  const importPage = new ImportPage(page);
  await importPage.open();

  // Not JSON at all.
  await importPage.upload({ name: "kaputt.json", mimeType: "application/json", buffer: Buffer.from("Das ist keine Sicherung {", "utf8") });
  await expect(importPage.status()).toHaveText(
    "Die Datei „kaputt.json“ enthält kein gültiges JSON. Bitte wählen Sie die Sicherung, die Konzeptwerk beim Export als JSON-Datei erstellt hat.",
  );
  await expect(importPage.fileInput()).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/concepts\/import$/);

  // A valid backup with a javascript: link smuggled into a section.
  const { concepts } = await (await page.request.get("/api/concepts")).json();
  const backup = (await (await page.request.get(`/api/concepts/${concepts[0].id}/export`)).json()) as Backup;
  backup.concept.title = `Böser Import ${Date.now()}`;
  backup.sections[0]!.content = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [{ type: "text", text: "Hier klicken", marks: [{ type: "link", attrs: { href: "javascript:alert(document.cookie)" } }] }],
      },
    ],
  };
  await importPage.upload({ name: "boese.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(backup), "utf8") });
  await expect(importPage.status()).toContainText("Die Sicherung kann nicht importiert werden.");
  await expect(importPage.status()).toContainText("Der Link „javascript:alert(document.cookie)“ ist nicht erlaubt.");
  await expect(importPage.status()).toContainText("Erlaubt sind nur vollständige http-, https- und mailto-Links");
  await expect(page).toHaveURL(/\/concepts\/import$/);

  const after = await conceptTitles(page);
  expect(after).toEqual(before);
  expect(after).not.toContain(backup.concept.title);
});

test("an imported backup starts as a draft, whatever status the file names", async ({ conceptPage, baseURL }) => {
  const page = conceptPage.page;
  const { concepts } = await (await page.request.get("/api/concepts")).json();
  const backup = (await (await page.request.get(`/api/concepts/${concepts[0].id}/export`)).json()) as Backup;

  // Through the import page: a file that claims to be adopted.
  backup.concept.status = "adopted";
  backup.concept.title = `Angeblich beschlossen ${Date.now()}`;
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.upload({ name: "beschlossen.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(backup), "utf8") });
  await expect(page).toHaveURL(/\/concepts\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(backup.concept.title);
  await expect(page.getByTestId("adopted-notice")).toHaveCount(0);
  expect((await (await page.request.get(`/api/concepts/${id}`)).json()).status).toBe("draft");
  await page.goto(`/concepts/${id}/versionen`);
  await expect(page.getByText("Status: Entwurf ·")).toBeVisible();

  // Through the API: an invented status.
  backup.concept.status = "xyz";
  const response = await page.request.post("/api/concepts/import", { data: backup, headers: { Origin: baseURL! } });
  expect(response.status()).toBe(201);
  const created = (await response.json()) as { id: string };
  expect((await (await page.request.get(`/api/concepts/${created.id}`)).json()).status).toBe("draft");
});

test("a backup over 20 MB is refused with 413 and a German message, also without a declared length, and creates nothing", async ({ conceptPage, baseURL }) => {
  test.setTimeout(90_000);
  const page = conceptPage.page;
  const before = ((await (await page.request.get("/api/concepts")).json()) as { concepts: { id: string }[] }).concepts.map((c) => c.id).sort();
  const { concepts } = await (await page.request.get("/api/concepts")).json();
  const backup = (await (await page.request.get(`/api/concepts/${concepts[0].id}/export`)).json()) as Backup;
  backup.concept.title = `Zu große Sicherung ${Date.now()}`;
  // A real backup, padded to 21 MB with text in its settings.
  const body = JSON.stringify({ ...backup, concept: { ...backup.concept, settings: { ...(backup.concept.settings as object), note: "x".repeat(21 * 1024 * 1024) } } });
  expect(Buffer.byteLength(body)).toBeGreaterThan(21 * 1024 * 1024);

  const refusal = { code: "too_large", message: expect.stringMatching(/zu groß.*(20 MB|20[.]?480 KB)/) };
  const declared = await page.request.post("/api/concepts/import", { data: body, headers: { Origin: baseURL!, "Content-Type": "application/json" } });
  expect(declared.status()).toBe(413);
  expect((await declared.json()).error).toMatchObject(refusal);

  // Sent in chunks without Content-Length: the server counts what arrives.
  const cookie = (await page.context().cookies(baseURL)).map((c) => `${c.name}=${c.value}`).join("; ");
  const bytes = Buffer.from(body);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 1024 * 1024) controller.enqueue(bytes.subarray(at, at + 1024 * 1024));
      controller.close();
    },
  });
  const chunked = await fetch(`${baseURL}/api/concepts/import`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: baseURL!, "Content-Type": "application/json" },
    body: stream,
    duplex: "half",
  } as RequestInit & { duplex: "half" });
  expect(chunked.status).toBe(413);
  expect(((await chunked.json()) as { error: unknown }).error).toMatchObject(refusal);

  const after = ((await (await page.request.get("/api/concepts")).json()) as { concepts: { id: string }[] }).concepts.map((c) => c.id).sort();
  expect(after).toEqual(before);
  expect(await conceptTitles(page)).not.toContain(backup.concept.title);
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

import fs from "node:fs";
import { adoptThroughStatusPath } from "./pages/status";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect, pageAs, test } from "./fixtures";
import { ConceptPage, DEMO_CONCEPT_TITLE } from "./pages/concept";
import { selectText } from "./pages/selection";

async function demoConceptId(page: Page) {
  return new ConceptPage(page).openDemoConcept();
}


async function tabTo(page: Page, target: Locator, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${target} not reached with ${max}× Tab`);
}

test("a reviewer comments on selected text; the editor sees it, replies and resolves; the reviewer's part is in Vorschlagsmodus", async ({ browser, baseURL }) => {
  const reviewer = await pageAs(browser, "reviewer");
  const editor = await pageAs(browser, "editor");
  const conceptId = await demoConceptId(reviewer);

  // On the concept page the reviewer writes only proposals (issue 13; e2e/suggestions.spec.ts types them on a concept of its own).
  const box = reviewer.getByRole("textbox", { name: "Anlass und Auftrag", exact: true });
  // (the page's first part becomes an editor as it loads: the click scrolls to it, and is tried again if it meets the swap)
  await box.click();
  await expect(reviewer.getByTestId("shared-toolbar").getByTestId("suggest-mode-label")).toContainText("Vorschlagsmodus");

  await reviewer.getByRole("link", { name: /Prüfung und Kommentare/ }).click();
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(`Prüfung: ${DEMO_CONCEPT_TITLE}`);
  const mandateText = reviewer.getByRole("document", { name: "Anlass und Auftrag", exact: true });
  await selectText(mandateText, "Stadt der Einwanderung");
  const composer = reviewer.getByRole("form", { name: "Kommentar zu „Anlass und Auftrag“" }).last();
  await expect(composer.getByLabel("Textstelle")).toHaveValue("Stadt der Einwanderung");
  const body = `Bitte belegen. @Jonas Brandt ${Date.now()}`;
  await composer.getByRole("textbox", { name: "Kommentar", exact: true }).fill(body);
  await composer.getByRole("button", { name: "Kommentar speichern" }).click();
  const thread = reviewer.getByTestId("thread").filter({ hasText: body });
  await expect(thread).toBeVisible();
  await expect(thread.locator("blockquote")).toHaveText("Stadt der Einwanderung");
  await expect(thread.locator(".mention")).toHaveText("@Jonas Brandt");
  // The passage is highlighted (CSS Custom Highlight API), not marked in the stored document.
  await expect.poll(() => reviewer.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get("kw-comment")?.size ?? 0)).toBeGreaterThan(0);

  // On the concept page the editor sees the thread in the margin beside the part (issue 13).
  await editor.goto(`/concepts/${conceptId}`);
  await expect(editor.getByRole("complementary", { name: "Kommentare zu „Anlass und Auftrag“" }).getByTestId("thread").filter({ hasText: body })).toBeVisible();

  // The editor was mentioned: the thread waits for them.
  await editor.goto("/aufgaben");
  await expect(editor.getByTestId("inbox-mentions")).toContainText("Stadt der Einwanderung");
  await editor.goto(`/concepts/${conceptId}/pruefung`);
  const seen = editor.getByTestId("thread").filter({ hasText: body });
  await seen.getByLabel("Antworten").fill("Quelle ergänzt: Einwohnermeldeamt, Stand 31.12.2025.");
  await seen.getByRole("button", { name: "Antwort senden" }).click();
  await expect(seen).toContainText("Quelle ergänzt");
  await seen.getByRole("button", { name: "Als erledigt markieren" }).click();
  await expect(seen.locator(".thread-state")).toHaveText("erledigt");

  await reviewer.reload();
  const back = reviewer.getByTestId("thread").filter({ hasText: body });
  await expect(back).toContainText("Quelle ergänzt");
  await expect(back.locator(".thread-state")).toHaveText("erledigt");

  // The JSON archive has the thread with its quote, state and replies.
  const archive = await (await reviewer.request.get(`/api/concepts/${conceptId}/comments`)).json();
  const archived = archive.threads.find((t: { comments: { body: string }[] }) => t.comments[0]?.body === body);
  expect(archived).toMatchObject({ anchor: { quote: "Stadt der Einwanderung", found: true }, state: "resolved", comments: [{ author: "Elif Yıldız" }, { author: "Jonas Brandt" }] });

  // Forged writes from the reviewer: the section API and a content server action are refused.
  const tree = await (await reviewer.request.get(`/api/concepts/${conceptId}`)).json();
  const mandate = tree.chapters.mandate.text as { id: string; revision: number };
  expect(mandate).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), revision: expect.any(Number) });
  const put = await reviewer.request.put(`/api/concepts/${conceptId}/sections/${mandate.id}`, { data: { baseRevision: mandate.revision, content: { type: "doc", content: [] } }, headers: { Origin: baseURL! } });
  expect(put.status()).toBe(403);
  expect((await put.json()).error).toMatchObject({ code: "forbidden", message: "Dafür fehlt Ihnen die Berechtigung." });
  const unchanged = await (await reviewer.request.get(`/api/concepts/${conceptId}`)).json();
  expect(unchanged.chapters.mandate.text).toEqual(tree.chapters.mandate.text);
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName: string }> };
  const [actionId] = Object.entries(manifest.node).find(([, a]) => a.exportedName === "saveSettingsAction")!;
  const forged = await reviewer.request.post(`/concepts/${conceptId}`, {
    headers: { "Next-Action": actionId, Accept: "text/x-component", Origin: baseURL!, "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify([{ conceptId, title: "Vom Prüfer umbenannt" }]),
  });
  expect(await forged.text()).not.toContain('"ok":true');
  await reviewer.goto(`/concepts/${conceptId}`);
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(DEMO_CONCEPT_TITLE);

  await reviewer.context().close();
  await editor.context().close();
});

test("a review round from start to all answers, then closed", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const conceptId = await demoConceptId(admin);
  await admin.goto(`/concepts/${conceptId}/pruefung`);
  const title = `Beteiligung ${Date.now()}`;
  await admin.getByLabel("Bezeichnung").fill(title);
  await admin.getByLabel("Fällig am").fill("2030-06-30");
  await expect(admin.getByRole("checkbox", { name: "Elif Yıldız" })).toBeChecked();
  await admin.getByRole("button", { name: "Prüfrunde starten" }).click();
  const round = admin.getByTestId("round").filter({ hasText: title });
  await expect(round).toBeVisible();
  await expect(round).toContainText("Elif Yıldız: 0 von");

  const reviewer = await pageAs(browser, "reviewer");
  await reviewer.goto("/aufgaben");
  await expect(reviewer.getByTestId("inbox-rounds")).toContainText(title);
  await reviewer.goto(`/concepts/${conceptId}/pruefung`);
  const mine = reviewer.getByTestId("round").filter({ hasText: title });
  const forms = mine.getByTestId("round-answer");
  const count = await forms.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i++) {
    const form = forms.nth(i);
    if (i === 2) {
      await form.getByLabel("Änderungsbedarf").check();
      await form.getByText("Anmerkung (optional)").click();
      await form.getByRole("textbox").fill("Zahlen bitte aktualisieren.");
    } else await form.getByLabel("Zustimmung").check();
    await form.getByRole("button", { name: /Antwort speichern/ }).click();
    await expect(form.getByRole("status")).toHaveText("Antwort gespeichert.");
  }
  await reviewer.reload();
  await expect(mine).toContainText(`Elif Yıldız: ${count} von ${count} beantwortet`);
  await expect(mine.locator("td.verdict-open")).toHaveCount(0);
  await expect(mine.locator("td.verdict-request_changes")).toContainText("Zahlen bitte aktualisieren.");

  await admin.reload();
  await round.getByRole("button", { name: "Prüfrunde abschließen" }).click();
  await expect(round).toContainText("abgeschlossen");
  await expect(round.locator("td.verdict-approve")).toHaveCount(count - 1);
  await admin.goto("/protokoll");
  await expect(admin.getByTestId("audit-table")).toContainText("hat eine Prüfrunde abgeschlossen");
  const csv = await admin.request.get("/api/audit?format=csv");
  expect(await csv.text()).toContain("round.request_changes");
  await admin.context().close();
  await reviewer.context().close();
});

test("status to Beschlossen makes the concept read-only; a Fortschreibung starts a new draft", async ({ browser, baseURL }) => {
  const editor = await pageAs(browser, "editor");
  const demoId = await demoConceptId(editor);
  const backup = await (await editor.request.get(`/api/concepts/${demoId}/export`)).json();
  const imported = await editor.request.post("/api/concepts/import", { data: backup, headers: { Origin: baseURL! } });
  expect(imported.status()).toBe(201);
  const { id } = await imported.json();

  const admin = await pageAs(browser, "admin");
  await admin.goto(`/concepts/${id}/versionen`);
  const select = admin.getByLabel("Neuer Status");
  // An import starts as a draft, whatever the backup's status (the demo's is Ressortabstimmung).
  // Only allowed steps are offered: one forward – not straight to Beschlossen.
  await expect(admin.getByText("Status: Entwurf ·")).toBeVisible();
  await expect(select.locator("option")).toHaveText(["Ressortabstimmung"]);
  await adoptThroughStatusPath(admin, { date: "2026-03-12", reference: "Drucksache 2026/0815" });
  await expect(admin.getByRole("table")).toContainText("Ratsbeschluss vom 12.03.2026 (Drucksache 2026/0815)");

  await editor.goto(`/concepts/${id}`);
  await expect(editor.getByTestId("adopted-notice")).toBeVisible();
  await expect(editor.getByRole("textbox", { name: "Anlass und Auftrag", exact: true })).toHaveAttribute("aria-readonly", "true");
  const tree = await (await editor.request.get(`/api/concepts/${id}`)).json();
  const section = tree.chapters.mandate.text as { id: string; revision: number };
  expect(section).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), revision: expect.any(Number) });
  const put = await editor.request.put(`/api/concepts/${id}/sections/${section.id}`, { data: { baseRevision: section.revision, content: { type: "doc", content: [] } }, headers: { Origin: baseURL! } });
  expect(put.status()).toBe(409);
  expect((await put.json()).error.message).toContain("beschlossen");
  // The same refusal for a field's part (Ausgangslage of Sprache).
  const language = (tree.fields as { key: string; sections: Record<string, { id: string; revision: number }> }[]).find((f) => f.key === "language")!;
  const baseline = language.sections.baseline!;
  const putField = await editor.request.put(`/api/concepts/${id}/sections/${baseline.id}`, { data: { baseRevision: baseline.revision, content: { type: "doc", content: [] } }, headers: { Origin: baseURL! } });
  expect(putField.status()).toBe(409);
  expect((await putField.json()).error.message).toContain("beschlossen");
  const after = await (await editor.request.get(`/api/concepts/${id}`)).json();
  expect(after.chapters.mandate.text).toEqual(tree.chapters.mandate.text);

  await admin.reload();
  await expect(admin.getByLabel("Neuer Status").locator("option")).toHaveText(["Fortschreibung beginnen (neuer Entwurf)"]);
  await admin.getByRole("button", { name: "Fortschreibung beginnen (neuer Entwurf)" }).click();
  await admin.getByRole("button", { name: "Ja, Fortschreibung beginnen" }).click();
  await expect(admin.getByText("Fortschreibung begonnen")).toBeVisible();
  await editor.reload();
  await expect(editor.getByTestId("adopted-notice")).toHaveCount(0);
  await admin.context().close();
  await editor.context().close();
});

test("keyboard only: add a comment on a chapter and reply to it", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const conceptId = await demoConceptId(admin);
  await admin.goto(`/concepts/${conceptId}/pruefung`);
  await tabTo(admin, admin.getByRole("button", { name: "Kommentieren – Anlass und Auftrag" }).first());
  await admin.keyboard.press("Enter");
  const field = admin.getByRole("textbox", { name: "Kommentar", exact: true });
  await expect(field).toBeFocused();
  const body = `Per Tastatur ${Date.now()}`;
  await admin.keyboard.type(body);
  await admin.keyboard.press("Tab");
  await expect(admin.getByRole("button", { name: "Kommentar speichern" })).toBeFocused();
  await admin.keyboard.press("Enter");
  const thread = admin.getByTestId("thread").filter({ hasText: body });
  await expect(thread).toBeVisible();
  const reply = thread.getByLabel("Antworten");
  await tabTo(admin, reply, 200);
  await admin.keyboard.type("Antwort per Tastatur");
  await admin.keyboard.press("Tab");
  await expect(thread.getByRole("button", { name: "Antwort senden" })).toBeFocused();
  await admin.keyboard.press("Enter");
  await expect(thread).toContainText("Antwort per Tastatur");
  await admin.context().close();
});

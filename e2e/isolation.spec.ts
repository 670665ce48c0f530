import { expect, pageAs, test } from "./fixtures";

/**
 * Tenant isolation over HTTP: a user of another municipality and a signed-out
 * client call every API route with Musterstadt's ids; nothing is read or changed.
 */
test("another municipality's admin and a signed-out client get nothing of Musterstadt", async ({ browser, playwright, baseURL }) => {
  const owner = await pageAs(browser, "editor");
  const { concepts } = await (await owner.request.get("/api/concepts")).json();
  const conceptId = concepts[0].id as string;
  const tree = await (await owner.request.get(`/api/concepts/${conceptId}`)).json();
  const section = tree.chapters.mandate.text;
  const body = { baseRevision: section.revision, content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "fremd" }] }] } };
  const origin = { Origin: baseURL! };

  const stranger = await pageAs(browser, "otherAdmin");
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const [who, request, readStatus] of [
    ["Beispielkreis", stranger.request, 404],
    ["abgemeldet", anonymous, 401],
  ] as const) {
    const list = await request.get("/api/concepts");
    if (readStatus === 404) {
      expect((await list.json()).concepts.map((c: { id: string }) => c.id), who).not.toContain(conceptId);
    } else {
      expect(list.status(), who).toBe(401);
    }
    expect((await request.get(`/api/concepts/${conceptId}`)).status(), who).toBe(readStatus);
    expect((await request.get(`/api/concepts/${conceptId}/export`)).status(), who).toBe(readStatus);
    expect((await request.get(`/api/concepts?municipalityId=${tree.municipalityId}`)).status(), who).toBe(readStatus);
    expect((await request.put(`/api/concepts/${conceptId}/sections/${section.id}`, { data: body, headers: origin })).status(), who).toBe(readStatus);
    expect((await request.get(`/api/concepts/${conceptId}/monitoring`)).status(), who).toBe(readStatus);
    expect((await request.get(`/api/concepts/${conceptId}/sachstandsbericht.pdf`)).status(), who).toBe(readStatus);
    const measure = tree.fields.flatMap((f: { measures: { id: string; indicators: { id: string }[] }[] }) => f.measures).find((m: { indicators: unknown[] }) => m.indicators.length > 0);
    // The concept's check refuses first; a concept without an indicator (another spec's) gets any ids.
    const ghost = "00000000-0000-4000-8000-000000000000";
    const value = { measureId: measure?.id ?? ghost, indicatorId: measure?.indicators[0].id ?? ghost, observedOn: "2025-12-31", value: "1", source: "fremd" };
    expect((await request.post(`/api/concepts/${conceptId}/monitoring/values`, { data: value, headers: origin })).status(), who).toBe(readStatus);
    const exported = await (await owner.request.get(`/api/concepts/${conceptId}/export`)).json();
    expect(
      (await request.post(`/api/concepts/import?municipalityId=${tree.municipalityId}`, { data: exported, headers: origin })).status(),
      who,
    ).toBe(readStatus);
  }
  const after = await (await owner.request.get(`/api/concepts/${conceptId}`)).json();
  expect(after.chapters.mandate.text.revision).toBe(section.revision);
  const monitoring = await (await owner.request.get(`/api/concepts/${conceptId}/monitoring`)).json();
  expect(JSON.stringify(monitoring), "no Ist-Wert of another municipality or a signed-out client").not.toContain('"source":"fremd"');
  expect((await (await owner.request.get("/api/concepts")).json()).concepts).toHaveLength(concepts.length);

  // The other municipality's concept page is a 404 page, not an error or the content.
  await stranger.goto(`/concepts/${conceptId}`);
  await expect(stranger.getByText("Musterstadt 2026")).toHaveCount(0);
  await anonymous.dispose();
  await owner.context().close();
  await stranger.context().close();
});

test("a write from another site is refused even with a valid session", async ({ browser }) => {
  const page = await pageAs(browser, "editor");
  const { concepts } = await (await page.request.get("/api/concepts")).json();
  const tree = await (await page.request.get(`/api/concepts/${concepts[0].id}`)).json();
  const section = tree.chapters.vision.text;
  const res = await page.request.put(`/api/concepts/${tree.id}/sections/${section.id}`, {
    data: { baseRevision: section.revision, content: { type: "doc", content: [{ type: "paragraph" }] } },
    headers: { Origin: "https://evil.example" },
  });
  expect(res.status()).toBe(403);
  await page.context().close();
});

test("signing out ends the session on the server: the old cookie gets no data", async ({ browser }) => {
  const page = await pageAs(browser, "editor", { fresh: true });
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page).toHaveURL(/\/login/);
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const res = await replay.request.get("/api/concepts");
  expect(res.status()).toBe(401);
  await replay.close();
  await page.context().close();
});

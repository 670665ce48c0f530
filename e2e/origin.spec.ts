import { expect, pageAs, test } from "./fixtures";
import { DEMO_CONCEPT_TITLE } from "./pages/concept";
import { postFormAction, serverAction } from "./support/actions";

/**
 * Writes are accepted only from the app's own origin (scheme, host and port),
 * and forwarded headers are not believed without TRUST_PROXY: a forged
 * X-Forwarded-Host neither lets a foreign Origin through nor ends up in links.
 */

test("route handlers refuse foreign, null and other-scheme origins with 403 and write nothing", async ({ browser, baseURL }) => {
  const page = await pageAs(browser, "editor");
  const { concepts } = await (await page.request.get("/api/concepts")).json();
  const conceptId = concepts.find((c: { title: string }) => c.title === DEMO_CONCEPT_TITLE).id as string;
  const count = async () => (await (await page.request.get(`/api/concepts/${conceptId}/versions`)).json()).versions.length as number;
  const before = await count();
  const https = baseURL!.replace("http://", "https://");
  const forged: Record<string, string>[] = [
    { Origin: "null" },
    { Origin: https },
    { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" },
    { Origin: https, "X-Forwarded-Proto": "https" },
  ];
  for (const headers of forged) {
    const res = await page.request.post(`/api/concepts/${conceptId}/versions`, { data: { label: "Fremd angelegt" }, headers });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect((await res.json()).error.message).toBe("Anfrage von fremder Seite abgelehnt.");
  }
  expect(await count()).toBe(before);
  await page.context().close();
});

test("server actions from another origin get 403, and invitation links never name a forged host", async ({ browser, baseURL }) => {
  const admin = await pageAs(browser, "admin");
  const invite = serverAction("inviteMemberAction");
  await admin.goto("/mitglieder");
  const municipalityId = /name="municipalityId" value="([0-9a-f-]{36})"/.exec(await admin.content())![1]!;
  const fields = (email: string) => ({ municipalityId, email, role: "viewer" });

  const forged: Record<string, string>[] = [
    { Origin: "null" },
    { Origin: "http://evil.example" },
    { Origin: baseURL!.replace("http://", "https://") },
    { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" },
  ];
  for (const headers of forged) {
    const email = `fremd-${Date.now()}@musterstadt.example`;
    const res = await postFormAction(admin.request, invite, fields(email), headers);
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect(await res.text()).toBe("Anfrage von fremder Seite abgelehnt.");
    await admin.goto("/mitglieder");
    await expect(admin.getByText(email)).toHaveCount(0);
  }

  // Our own origin with forged forwarded headers: the invitation is made, the link names our address.
  const res = await postFormAction(admin.request, invite, fields(`echt-${Date.now()}@musterstadt.example`), {
    Origin: baseURL!,
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Proto": "https",
  });
  expect(res.status()).toBe(200);
  const url = /"url":"([^"]+)"/.exec(await res.text())?.[1];
  expect(url).toMatch(new RegExp(`^${baseURL}/einladung/[A-Za-z0-9_-]+$`));
  await admin.context().close();
});

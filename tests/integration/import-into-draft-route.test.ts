/**
 * POST /api/concepts/{id}/import through the route handler: the scriptable
 * Fortschreibung (issue 11) — the places a file fills, then the chosen ones
 * written; bad fields and foreign roles answered in German with nothing written.
 * Only next-auth's cookie decoding is replaced (as in import-route.test.ts);
 * the session is a real row.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { sessionId: session.id, user: { id: "test" } } : null) }));

import { POST } from "@/app/api/concepts/[conceptId]/import/route";
import { closeDb, getDb } from "@/db";
import { insertSeedConcept } from "@/lib/demo/seed";
import { musterstadtConcept } from "@/lib/demo/seed-data/musterstadt";
import { readConcept } from "@/lib/concepts/exchange";
import { plainText } from "@/lib/editor/document";
import { countContent, signIn } from "../support/data";
import { makeMunicipality } from "../support/fixtures";

const ORIGIN = "http://localhost:3000";
let town: Awaited<ReturnType<typeof makeMunicipality>>;
let conceptId: string;
const FILE = "# Handlungsfelder\n\n## Wohnen\n\n### Ausgangslage\n\nDie Gemeinschaftsunterkunft am Stadtrand wird 2027 geschlossen.\n";

beforeAll(async () => {
  town = await makeMunicipality("Skriptstadt");
  conceptId = (await insertSeedConcept(await getDb(), { municipalityId: town.municipality.id, userId: town.editor.id, seed: musterstadtConcept })).id;
}, 120_000);
afterAll(() => closeDb());

const sessions = new Map<string, string>();
async function post(fields: Record<string, string>, as = town.editor) {
  if (!sessions.has(as.id)) sessions.set(as.id, await signIn(as));
  session.id = sessions.get(as.id)!;
  const form = new FormData();
  form.append("file", new Blob([FILE], { type: "text/markdown" }), "fortschreibung.md");
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const probe = new Request(`${ORIGIN}/x`, { method: "POST", body: form });
  const bytes = new Uint8Array(await probe.arrayBuffer());
  const req = new Request(`${ORIGIN}/api/concepts/${conceptId}/import`, {
    method: "POST",
    headers: { host: "localhost:3000", origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": probe.headers.get("content-type")!, "content-length": String(bytes.length) },
    body: bytes,
  });
  const res = await POST(req, { params: Promise.resolve({ conceptId }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { message: string } } };
}

const housing = async () => plainText((await readConcept(town.viewer, conceptId)).fields.find((f) => f.key === "housing")!.sections.baseline!.content);

describe("POST /api/concepts/{id}/import", () => {
  it("answers the proposal, then the places, and writes nothing before the last step", async () => {
    const before = await countContent(town.municipality.id);
    const text = await housing();
    const proposal = await post({});
    expect(proposal.status).toBe(200);
    expect(proposal.body).toHaveProperty("proposal");
    const places = await post({ mapping: "auto" });
    expect(places.status).toBe(200);
    expect(places.body.places).toEqual([expect.objectContaining({ id: "field:housing:baseline", label: "Wohnen – Ausgangslage", inFile: 7 })]);
    expect(await countContent(town.municipality.id)).toEqual(before);
    expect(await housing()).toBe(text);
  });

  it("writes the chosen places and names the version that undoes it", async () => {
    const res = await post({ mapping: "auto", places: JSON.stringify(["field:housing:baseline"]) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: expect.any(Number), taken: [expect.objectContaining({ label: "Wohnen – Ausgangslage" })] });
    expect(await housing()).toBe("Die Gemeinschaftsunterkunft am Stadtrand wird 2027 geschlossen.");
  });

  it.each([
    ["places that are no list", { mapping: "auto", places: "{}" }, 400, /Liste von Teilen/],
    ["places without a mapping", { places: "all" }, 400, /braucht eine Zuordnung/],
    ["a place the file does not fill", { mapping: "auto", places: JSON.stringify(["chapter:demands"]) }, 400, /kein Teil, den die Datei füllt/],
  ])("refuses %s in German, writing nothing", async (_label, fields, status, message) => {
    const before = await countContent(town.municipality.id);
    const res = await post(fields);
    expect(res.status).toBe(status);
    expect(res.body.error?.message).toMatch(message);
    expect(await countContent(town.municipality.id)).toEqual(before);
  });

  it("refuses a reviewer (403) and another municipality's admin (404)", async () => {
    const other = await makeMunicipality("Fremdstadt");
    const before = await countContent(town.municipality.id);
    expect((await post({ mapping: "auto", places: "all" }, town.reviewer)).status).toBe(403);
    expect((await post({ mapping: "auto", places: "all" }, other.admin)).status).toBe(404);
    expect(await countContent(town.municipality.id)).toEqual(before);
  });
});

/**
 * Migration 0021 marks existing accounts unconfirmed only where they came from the registration form and never
 * showed their address since. Its data statement runs here on crafted accounts, inside a transaction that is
 * rolled back (it touches every account of the database, which other test files share).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inArray, sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { auditLog, invitations, passwordResets, userIdentities, users } from "@/db/schema";
import { makeMunicipality } from "../support/fixtures";

afterAll(() => closeDb());

const migration = fs.readFileSync(path.resolve(import.meta.dirname, "../../db/migrations/0021_email_confirmed.sql"), "utf8");
const dataStatement = migration.split("--> statement-breakpoint")[1]!;

class RolledBack extends Error {}

it("leaves confirmed whoever signed on, accepted an invitation or used a password link, or never registered", async () => {
  const town = await makeMunicipality("Bestandsstadt");
  const db = await getDb();
  const tag = randomBytes(3).toString("hex");
  const registered = async (label: string) => {
    const [user] = await db.insert(users).values({ email: `${label}-${tag}@bestand.example`, name: label }).returning();
    await db.insert(auditLog).values({ municipalityId: town.municipality.id, actorId: user!.id, action: "municipality.register" });
    return user!;
  };
  const plain = await registered("nie-bestaetigt");
  const signedOn = await registered("sso");
  await db.insert(userIdentities).values({ issuer: "https://idp.example", subject: `sub-${tag}`, userId: signedOn.id });
  const invited = await registered("eingeladen");
  await db.insert(invitations).values({ municipalityId: town.municipality.id, email: invited.email, role: "editor", tokenHash: `inv-${tag}`, expiresAt: new Date(Date.now() + 86_400_000), acceptedAt: new Date() });
  const reset = await registered("link");
  await db.insert(passwordResets).values({ userId: reset.id, tokenHash: `reset-${tag}`, expiresAt: new Date(Date.now() + 3_600_000), usedAt: new Date() });
  const unusedReset = await registered("link-ungenutzt");
  await db.insert(passwordResets).values({ userId: unusedReset.id, tokenHash: `reset2-${tag}`, expiresAt: new Date(Date.now() + 3_600_000) });
  const ids = [plain.id, signedOn.id, invited.id, reset.id, unusedReset.id, town.editor.id];

  let after: { id: string; confirmed: boolean }[] = [];
  await db
    .transaction(async (tx) => {
      await tx.execute(sql.raw(dataStatement));
      after = (await tx.select({ id: users.id, at: users.emailConfirmedAt }).from(users).where(inArray(users.id, ids))).map((u) => ({ id: u.id, confirmed: u.at !== null }));
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  const confirmed = Object.fromEntries(after.map((u) => [u.id, u.confirmed]));
  expect(confirmed).toEqual({
    [plain.id]: false,
    [unusedReset.id]: false,
    [signedOn.id]: true,
    [invited.id]: true,
    [reset.id]: true,
    [town.editor.id]: true,
  });
});

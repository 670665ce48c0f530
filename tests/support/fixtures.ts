import { randomBytes, randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { memberships, municipalities, users, type Role } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-role";

let counter = 0;

/** A fresh municipality with one user per role, as actors (unique e-mails and AGS per call). */
export async function makeMunicipality(name = "Teststadt") {
  const db = await getDb();
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}${randomBytes(2).toString("hex")}`;
  const ags = String(10_000_000 + Math.floor(Math.random() * 89_999_999)).slice(0, 8);
  const [town] = await db
    .insert(municipalities)
    .values({ name: `${name} ${tag}`, ags, kind: "city", state: "Hessen", population: 120_000 })
    .returning();
  const actors = {} as Record<Role, Actor>;
  for (const role of ["admin", "editor", "reviewer", "viewer"] as const) {
    const [user] = await db
      .insert(users)
      .values({ email: `${role}-${tag}@test.example`, name: `${role} ${tag}` })
      .returning();
    await db.insert(memberships).values({ userId: user!.id, municipalityId: town!.id, role });
    actors[role] = { id: user!.id, email: user!.email, name: user!.name, sessionId: randomUUID() };
  }
  return { municipality: town!, ...actors };
}

import path from "node:path";

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "embedded"; dataDir: string };

/** DATABASE_URL selects an external PostgreSQL; otherwise the embedded one under DATA_DIR (default ./data). */
export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  return { kind: "embedded", dataDir: path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || "data") };
}

import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { MAX_IMPORT_BYTES } from "@/lib/concepts/exchange";
import { ACTION_BODY_LIMIT_BYTES, ACTION_BODY_LIMIT_MB } from "./limits";

describe("server action body limit", () => {
  it("is the same in next.config.js and proxy.ts", () => {
    const config = fs.readFileSync(path.resolve(import.meta.dirname, "../../next.config.js"), "utf8");
    expect(config).toContain(`bodySizeLimit: "${ACTION_BODY_LIMIT_MB}mb"`);
    // proxy.ts reads every action; below this Next.js would hand the action a truncated body.
    expect(config).toContain(`proxyClientMaxBodySize: "${ACTION_BODY_LIMIT_MB}mb"`);
  });
  it("fits the largest legitimate action, the import of a backup", () => {
    expect(ACTION_BODY_LIMIT_BYTES).toBeGreaterThan(MAX_IMPORT_BYTES + 64 * 1024);
  });
});

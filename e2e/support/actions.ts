import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

type Manifest = { node: Record<string, { workers: Record<string, unknown>; exportedName: string }> };

/** The id of a server action in the current build, and the page it is posted to. */
export function serverAction(exportedName: string): { id: string; path: string } {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const entry = Object.entries(manifest.node).find(([, a]) => a.exportedName === exportedName);
  if (!entry) throw new Error(`Server-Action ${exportedName} nicht im Build gefunden.`);
  const worker = Object.keys(entry[1].workers)[0]!;
  const page = worker.replace(/^app/, "").replace(/\/\([^)]+\)/g, "").replace(/\/page$/, "") || "/";
  return { id: entry[0], path: page };
}

/** A form action called over HTTP as React calls it: [prevState, FormData] as multipart. */
export function postFormAction(
  request: APIRequestContext,
  action: { id: string; path: string },
  fields: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>,
  headers: Record<string, string>,
) {
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === "string") multipart.append(`_1_${k}`, v);
    else multipart.append(`_1_${k}`, new Blob([new Uint8Array(v.buffer)], { type: v.mimeType }), v.name);
  }
  multipart.append("0", JSON.stringify([null, "$K1"]));
  return request.post(action.path, { headers: { "Next-Action": action.id, Accept: "text/x-component", ...headers }, multipart, maxRedirects: 0 });
}

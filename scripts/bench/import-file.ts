/** Small helpers of the import benchmark (scripts/bench/import.ts): the upload as the API takes it, and what the server reports. */

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * A multipart/form-data body with the file and the other fields, as bytes: the
 * route wants a Content-Length (411 for a chunked body), which fetch sets for
 * bytes but not always for a FormData.
 */
export async function multipart(file: { name: string; bytes: Uint8Array; type: string }, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const encoded = new Response(form);
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type")! };
}

/** "read;dur=812, map;dur=35" → { read: 812, map: 35 }; steps without a duration are left out. */
export function serverTimings(header: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of (header ?? "").split(",")) {
    const [name, ...params] = entry.trim().split(";");
    const dur = params.map((p) => /^\s*dur=([\d.]+)\s*$/.exec(p)?.[1]).find((d) => d !== undefined);
    if (name && dur !== undefined) out[name.trim()] = Number(dur);
  }
  return out;
}

/** Pages at about 500 words each, for a file whose page count no office suite could tell. */
export const pagesByWords = (words: number) => Math.round(words / 500);

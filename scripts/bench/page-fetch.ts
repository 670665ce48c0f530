/**
 * A page's whole server answer to a page load, timed without a browser: `samples` requests after two that warm the
 * route, asking as a browser's address bar does (pages that send their text once tell a page load from an in-app
 * navigation by these headers, lib/http/page-load.ts). Returns the times and the page's size.
 */
export async function timePageLoads(url: string, cookie: string, samples: number): Promise<{ times: number[]; kb: number }> {
  const times: number[] = [];
  let kb = 0;
  for (let i = 0; i < samples + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie, accept: "text/html", "sec-fetch-dest": "document" } });
    const html = await res.text();
    if (!res.ok) throw new Error(`${new URL(url).pathname}: ${res.status}`);
    if (i > 1) times.push(performance.now() - t0);
    kb = Math.round(html.length / 1024);
  }
  return { times, kb };
}

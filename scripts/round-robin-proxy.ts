/**
 * A reverse proxy on 127.0.0.1 in front of several app processes, as a load
 * balancer without sticky sessions: each request and each WebSocket upgrade goes
 * to the next process in turn. Sets X-Forwarded-For/-Host/-Proto (the apps run with TRUST_PROXY=1).
 */
import http from "node:http";
import httpProxy from "http-proxy";

export type RoundRobinProxy = { base: string; hits: Map<string, number>; close: () => Promise<void> };

export function startRoundRobinProxy(port: number, targets: string[]): Promise<RoundRobinProxy> {
  const proxy = httpProxy.createProxyServer({ xfwd: true, ws: true });
  const hits = new Map(targets.map((t) => [t, 0]));
  let next = 0;
  const pick = () => {
    const target = targets[next++ % targets.length]!;
    hits.set(target, hits.get(target)! + 1);
    return target;
  };
  proxy.on("error", (_error, _req, res) => {
    if (res instanceof http.ServerResponse && !res.headersSent) res.writeHead(502).end("Bad Gateway");
    else res.destroy();
  });
  const server = http.createServer((req, res) => proxy.web(req, res, { target: pick() }));
  server.on("upgrade", (req, socket, head) => proxy.ws(req, socket, head, { target: pick() }));
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({
        base: `http://127.0.0.1:${port}`,
        hits,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

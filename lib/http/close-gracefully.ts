import type { Server, ServerResponse } from "node:http";

/**
 * Attach to a server at its start; the function returned stops it on SIGTERM/SIGINT, before the database stops:
 * no new connections, every request in flight answered (each with "Connection: close", so that its connection
 * ends with it), at most `graceMs`, then what is left is cut (a client that holds a request open).
 * Without this, requests in the last moments met a database that was already gone (503/500), and requests
 * in flight were cut halfway; a load balancer expects a refused connection from a stopping instance instead.
 */
export function gracefulCloser(server: Server): (graceMs: number) => Promise<void> {
  const open = new Set<ServerResponse>();
  server.prependListener("request", (_req, res) => {
    // Not listening any more: closing has begun (server.close() below drops the listener at once).
    if (!server.listening) res.shouldKeepAlive = false;
    open.add(res);
    res.once("close", () => open.delete(res));
  });

  return (graceMs) =>
    new Promise((resolve) => {
      if (!server.listening) return resolve();
      // Read when the answer's headers are written: an answer under way but not started ends its connection.
      for (const res of open) if (!res.headersSent) res.shouldKeepAlive = false;
      // An answer that had already started leaves its connection idle when done: close it then.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const finish = () => {
        clearInterval(sweep);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        server.closeAllConnections();
        finish();
      }, graceMs);
      server.close(finish);
      server.closeIdleConnections();
    });
}

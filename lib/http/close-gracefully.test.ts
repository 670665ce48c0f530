import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { gracefulCloser } from "./close-gracefully";

type Answer = { status: number; connection: string | undefined; body: string };

const servers: http.Server[] = [];
const agents: http.Agent[] = [];

/** A server whose handler waits until the test releases it; `arrived` resolves when a request is in the handler. */
async function slowServer() {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let arrived!: () => void;
  const inHandler = new Promise<void>((r) => (arrived = r));
  const server = http.createServer(async (req, res) => {
    if (req.url === "/strom") {
      // An answer whose headers are out before closing begins: it keeps its connection alive.
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.write("Anfang, ");
      arrived();
      await released;
      return res.end("Ende");
    }
    if (req.url === "/langsam") {
      arrived();
      await released;
    }
    res.end(`Antwort auf ${req.url}`);
  });
  servers.push(server);
  const close = gracefulCloser(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { close, port: (server.address() as AddressInfo).port, release, inHandler };
}

function get(port: number, path: string, agent?: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** A plain TCP connection, to see the answer's bytes and when the server ends the connection. */
function rawConnection(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => (received += chunk));
  const ended = new Promise<void>((r) => socket.on("close", () => r()));
  return { socket, ended, received: () => received };
}

const errorCode = (promise: Promise<unknown>) => promise.then(() => "beantwortet", (error: NodeJS.ErrnoException) => error.code);

afterEach(() => {
  for (const agent of agents.splice(0)) agent.destroy();
  for (const server of servers.splice(0)) server.closeAllConnections(), server.close();
});

describe("gracefulCloser", () => {
  it("answers the request in flight, refuses new connections, and is done as soon as that answer is out", async () => {
    const { close, port, release, inHandler } = await slowServer();
    const inFlight = get(port, "/langsam");
    await inHandler;
    const started = Date.now();
    const closed = close(5_000);

    expect(await errorCode(get(port, "/neu"))).toBe("ECONNREFUSED");
    release();
    expect(await inFlight).toMatchObject({ status: 200, body: "Antwort auf /langsam" });
    await closed;
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("closes a keep-alive connection whose answer had started once it is out, instead of waiting for its keep-alive timeout", async () => {
    const { close, port, release, inHandler } = await slowServer();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    expect((await get(port, "/erst", agent)).connection).toBe("keep-alive");
    const inFlight = get(port, "/strom", agent);
    await inHandler;
    const started = Date.now();
    const closed = close(5_000);
    release();
    expect(await inFlight).toMatchObject({ status: 200, connection: "keep-alive", body: "Anfang, Ende" });
    // Without closing it, the idle connection would hold the server open for its keep-alive timeout (5 s).
    await closed;
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("ends the connection of an answer in flight with it (Connection: close)", async () => {
    const { close, port, release, inHandler } = await slowServer();
    const raw = rawConnection(port);
    raw.socket.write("GET /langsam HTTP/1.1\r\nHost: x\r\n\r\n");
    await inHandler;
    const closed = close(5_000);
    release();
    await Promise.all([raw.ended, closed]);
    expect(raw.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*Connection: close\r\n[\s\S]*Antwort auf \/langsam$/);
  });

  it("answers a request whose first bytes came before closing began, with Connection: close", async () => {
    const { close, port } = await slowServer();
    const raw = rawConnection(port);
    raw.socket.write("GET /spaet HTTP/1.1\r\nHo");
    await new Promise((r) => setTimeout(r, 50));
    const closed = close(5_000);
    raw.socket.write("st: x\r\n\r\n");
    await Promise.all([raw.ended, closed]);
    expect(raw.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*Connection: close\r\n[\s\S]*Antwort auf \/spaet$/);
  });

  it("cuts a request still open when the grace time is over", async () => {
    const { close, port, inHandler } = await slowServer();
    const held = errorCode(get(port, "/langsam"));
    await inHandler;
    const started = Date.now();
    await close(300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await held).toBe("ECONNRESET");
  });

  it("returns at once for a server that is not listening", async () => {
    const close = gracefulCloser(http.createServer());
    const started = Date.now();
    await close(5_000);
    expect(Date.now() - started).toBeLessThan(100);
  });
});

/**
 * Real-time co-editing figures (issue 12), against the running app on a ~100-page concept:
 *  - opening: one socket, every part's document synced (socket connect → all parts synced)
 *  - 20 Node clients (@hocuspocus/provider), half in their own part and half in one shared part,
 *    each typing 5 characters per second for BENCH_REALTIME_SECONDS (default 60):
 *    remote update latency (typed in A → applied in B) p50/p95, server CPU per update,
 *    acknowledged updates per second, server memory with the concept open.
 */
import fs from "node:fs";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { realtimeSocket, realtimeUrl } from "../realtime-socket";
import * as Y from "yjs";
import { pct, round } from "./stats";

type Options = { base: string; cookie: string; partIds: string[]; serverPid: number; results: Record<string, unknown> };

function socketFor(base: string, cookie: string) {
  return realtimeSocket(realtimeUrl(base), { cookie, origin: base });
}

function open(socket: HocuspocusProviderWebsocket, sectionId: string) {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: `section:${sectionId}`, document: doc, token: "session" });
  provider.attach();
  const synced = new Promise<void>((resolve) => (provider.isSynced ? resolve() : provider.on("synced", () => resolve())));
  return { doc, provider, synced };
}

/** CPU time (ms) and resident memory (MB) of a process, from /proc. */
function processStats(pid: number) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  return { cpuMs: (ticks * 1000) / 100, rssMb: rss };
}

export async function benchRealtime({ base, cookie, partIds, serverPid, results }: Options) {
  const seconds = Number(process.env.BENCH_REALTIME_SECONDS ?? 60);
  const before = processStats(serverPid);

  // Opening the whole concept: one socket, one document per part.
  const t0 = performance.now();
  const socket = socketFor(base, cookie);
  const all = partIds.map((id) => open(socket, id));
  await Promise.all(all.map((p) => p.synced));
  const openMs = performance.now() - t0;
  const opened = processStats(serverPid);

  // 20 typists: 10 in their own parts, 10 in one shared part.
  const shared = partIds[0]!;
  const typists = Array.from({ length: 20 }, (_, i) => {
    const sectionId = i < 10 ? shared : partIds[1 + i]!;
    const s = socketFor(base, cookie);
    return { ...open(s, sectionId), socket: s, sectionId, sent: 0 };
  });
  await Promise.all(typists.map((t) => t.synced));
  // Send times by Yjs item id (client:clock): the server accepts nothing but the part's text, so the
  // time cannot travel in the document; every client here lives in this process and shares the map.
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const observe = (doc: Y.Doc) =>
    doc.on("update", (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (transaction.local) return;
      const now = performance.now();
      for (const struct of Y.decodeUpdate(update).structs) {
        for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock++) {
          const at = sentAt.get(`${struct.id.client}:${clock}`);
          if (at !== undefined) latencies.push(now - at);
        }
      }
    });
  // In the shared part, every typist sees the nine others; the reader with the whole concept open sees everybody.
  for (const t of typists) observe(t.doc);
  for (const p of all) observe(p.doc);
  const cpuStart = processStats(serverPid);
  const started = performance.now();
  const timers = typists.map((t, i) =>
    setInterval(() => {
      const fragment = t.doc.getXmlFragment("default");
      const first = fragment.get(0);
      const text = first instanceof Y.XmlElement ? first.get(0) : null;
      if (text instanceof Y.XmlText) {
        text.insert(0, String.fromCharCode(97 + ((t.sent + i) % 26)));
        sentAt.set(`${t.doc.clientID}:${Y.getState(t.doc.store, t.doc.clientID) - 1}`, performance.now());
      }
      t.sent++;
    }, 200),
  );
  await new Promise((r) => setTimeout(r, seconds * 1000));
  for (const timer of timers) clearInterval(timer);
  // Wait for the last acknowledgements.
  const until = Date.now() + 30_000;
  while (typists.some((t) => t.provider.unsyncedChanges > 0) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  const elapsed = (performance.now() - started) / 1000;
  const cpuEnd = processStats(serverPid);
  const sent = typists.reduce((a, t) => a + t.sent, 0);
  const unacked = typists.reduce((a, t) => a + t.provider.unsyncedChanges, 0);

  for (const t of typists) {
    t.provider.destroy();
    t.socket.destroy();
  }
  for (const p of all) p.provider.destroy();
  socket.destroy();

  const sorted = [...latencies].sort((a, b) => a - b);
  results.realtime = {
    parts: partIds.length,
    openConceptMs: round(openMs),
    serverMemoryMb: { before: round(before.rssMb), conceptOpen: round(opened.rssMb), withTypists: round(cpuEnd.rssMb) },
    typists: 20,
    seconds,
    updatesSent: sent,
    updatesNotAcknowledgedAtEnd: unacked,
    acknowledgedPerSecond: round((sent - unacked) / elapsed),
    remoteLatencyMs: { p50: round(pct(sorted, 50)), p95: round(pct(sorted, 95)), samples: sorted.length },
    serverCpuMsPerUpdate: round((cpuEnd.cpuMs - cpuStart.cpuMs) / Math.max(1, sent)),
  };
  console.log(
    `Echtzeit: Konzept mit ${partIds.length} Abschnitten geöffnet in ${round(openMs)} ms; 20 Clients × ${seconds} s: ${sent} Änderungen, ` +
      `Latenz p50 ${round(pct(sorted, 50))} ms / p95 ${round(pct(sorted, 95))} ms, ${round((sent - unacked) / elapsed)} bestätigt/s, ` +
      `Server-CPU ${round((cpuEnd.cpuMs - cpuStart.cpuMs) / Math.max(1, sent))} ms je Änderung, Speicher ${round(before.rssMb)} → ${round(opened.rssMb)} MB`,
  );
}

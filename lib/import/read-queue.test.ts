/** Office files are read one at a time per process; a burst beyond the waiting places is refused at once. */
import { describe, expect, it } from "vitest";
import { AppError, errorHeaders } from "@/lib/errors";
import { renderOdt } from "@/lib/export/odt";
import { buildPdfModel } from "@/lib/pdf/model";
import { sampleConcept } from "@/lib/pdf/sample";
import { BUSY_READING, inOfficeReadQueue, OFFICE_READS } from "./read-queue";
import { readOutline } from "./service";

/** A read that runs until the test lets it finish. */
function heldRead(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  const read = async () => {
    log.push(`start ${name}`);
    await done;
    log.push(`end ${name}`);
    return name;
  };
  return { read, finish };
}

describe("the queue for office files", () => {
  it("reads one file at a time, in the order they came", async () => {
    const log: string[] = [];
    const a = heldRead(log, "a");
    const b = heldRead(log, "b");
    const results = [inOfficeReadQueue(a.read), inOfficeReadQueue(b.read)];
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(["start a"]);
    a.finish();
    b.finish();
    expect(await Promise.all(results)).toEqual(["a", "b"]);
    expect(log).toEqual(["start a", "end a", "start b", "end b"]);
  });

  it("refuses the upload beyond the waiting places at once, with a 429 and a German reason, without reading it", async () => {
    const log: string[] = [];
    const held = Array.from({ length: OFFICE_READS.atOnce + OFFICE_READS.waiting }, (_, i) => heldRead(log, `f${i}`));
    const accepted = held.map((h) => inOfficeReadQueue(h.read));
    let tooMany = false;
    const refused = await inOfficeReadQueue(async () => {
      tooMany = true;
      return "zu viel";
    }).catch((e: unknown) => e);
    expect(tooMany).toBe(false);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(429);
    expect((refused as AppError).message).toBe(BUSY_READING);
    expect(errorHeaders(refused as AppError)["Retry-After"]).toBe("30");

    for (const h of held) h.finish();
    expect(await Promise.all(accepted)).toEqual(held.map((_, i) => `f${i}`));
    // Once the queue has drained, the next file is read again.
    expect(await inOfficeReadQueue(async () => "wieder")).toBe("wieder");
  });

  it("holds the real readers: of six OpenDocument files sent at once, five are read and the sixth is refused", async () => {
    const model = buildPdfModel({ data: sampleConcept({ pages: 2, measures: 2 }), municipality: "Musterstadt", version: null, date: new Date("2026-12-07T10:00:00Z"), logo: null, history: null });
    const bytes = renderOdt(model);
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => readOutline("odt", "konzept.odt", bytes)));
    const read = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(read).toHaveLength(5);
    for (const o of read) expect((o as PromiseFulfilledResult<{ blocks: unknown[] }>).value.blocks.length).toBeGreaterThan(3);
    expect(refused).toHaveLength(1);
    expect((refused[0]!.reason as AppError).message).toBe(BUSY_READING);
  });
});

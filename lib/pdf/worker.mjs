// The Typst compiler of this process, in its own thread: a compile blocks for
// up to a second or two, and the web server's event loop must keep answering
// meanwhile. Plain JavaScript so that Node loads it as it is, bundler or not.
// lib/pdf/render.ts starts it and sends one job at a time.
import { parentPort, workerData } from "node:worker_threads";
import path from "node:path";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";

const { templatesDir, fontsDir } = workerData;

// Warm for the life of the thread: fonts are read once, parsed templates and
// layout results are memoised between exports.
const compiler = NodeCompiler.create({ workspace: templatesDir, fontArgs: [{ fontPaths: [fontsDir] }] });

function diagnostics(compiler, error) {
  try {
    return compiler
      .fetchDiagnostics(error)
      .map((d) => `${d.path ?? ""}: ${d.message}`)
      .slice(0, 5)
      .join("\n");
  } catch {
    return String(error?.shortDiagnostics ?? error);
  }
}

parentPort.on("message", (job) => {
  const started = performance.now();
  const shadows = [];
  try {
    for (const file of job.files ?? []) {
      const target = path.join(templatesDir, file.path);
      compiler.mapShadow(target, Buffer.from(file.bytes));
      shadows.push(target);
    }
    const result = compiler.compile({ mainFilePath: path.join(templatesDir, job.template), inputs: job.inputs });
    const error = result.takeError();
    if (error || !result.result) {
      parentPort.postMessage({ id: job.id, ok: false, error: diagnostics(compiler, error) || "Typst: unbekannter Fehler" });
      return;
    }
    const doc = result.result;
    const compiledMs = performance.now() - started;
    const creationTimestamp = Math.floor(job.timestamp ?? Date.now() / 1000);
    let pdf;
    let standard = job.pdfStandard ?? "ua-1";
    try {
      pdf = compiler.pdf(doc, { pdfStandard: standard, creationTimestamp });
    } catch (error) {
      // A check of PDF/UA-1 that the content does not pass (the model prevents the known
      // ones): still deliver the tagged PDF, and say so, rather than nothing.
      if (!/PDF\/UA/.test(String(error))) throw error;
      console.warn("[pdf] PDF/UA-1 nicht erfüllt, Export als getaggtes PDF:", String(error).slice(0, 500));
      standard = "tagged";
      pdf = compiler.pdf(doc, { creationTimestamp });
    }
    // Transfer, do not copy, the bytes to the main thread.
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
    parentPort.postMessage(
      { id: job.id, ok: true, pdf: bytes, pages: doc.numOfPages, standard, compiledMs, totalMs: performance.now() - started },
      [bytes.buffer],
    );
  } catch (error) {
    parentPort.postMessage({ id: job.id, ok: false, error: diagnostics(compiler, error) || String(error) });
  } finally {
    for (const target of shadows) compiler.unmapShadow(target);
    // Keep memory bounded across many exports of different concepts.
    compiler.evictCache(10);
  }
});

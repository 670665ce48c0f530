/**
 * Demo review: a few realistic comment threads (on text, a measure and a
 * chapter; one resolved) and an open review round with some answers, so that a
 * new user sees the review at once.
 */
import type { JSONContent } from "@tiptap/core";
import type { Db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { insertComment, insertNotifications, insertThread, setThreadState } from "@/db/queries/comments";
import { getConceptTree } from "@/db/queries/concepts";
import { insertRound, upsertAnswer } from "@/db/queries/rounds";
import { listVersionRows } from "@/db/queries/versions";
import type { Concept } from "@/db/schema";
import { anchorForQuote, anchorText } from "@/lib/review/anchor";

type People = { adminId: string; editorId: string; reviewerId: string; editorName: string; reviewerName: string };

export async function insertSeedReview(db: Db, input: { concept: Concept } & People) {
  const { concept } = input;
  const tree = await getConceptTree({ conceptId: concept.id }, db);
  const base = { conceptId: concept.id, municipalityId: concept.municipalityId };
  // One transaction gives every row the same now(): the demo's threads and replies get a minute apart each, in order.
  let clock = Date.now() - 24 * 60 * 60_000;
  const tick = () => new Date((clock += 60_000));

  async function thread(
    target: { chapter: string; quote?: string; measureTitle?: string; fieldKey?: string },
    comments: { by: string; body: string; mentions?: string[] }[],
    resolvedBy?: string,
  ) {
    let values;
    if (target.quote) {
      const section = tree.sections.find((s) => s.chapter === target.chapter && !s.fieldId);
      const anchor = section ? anchorForQuote(anchorText(section.content as JSONContent), target.quote) : null;
      if (!section || !anchor) return;
      values = { targetKind: "text" as const, sectionId: section.id, measureId: null, chapter: section.chapter, fieldKey: null, anchor };
    } else if (target.measureTitle) {
      const measure = tree.measures.find((m) => m.title === target.measureTitle) ?? tree.measures[0];
      if (!measure) return;
      const field = tree.fields.find((f) => f.id === measure.fieldId);
      values = { targetKind: "measure" as const, sectionId: null, measureId: measure.id, chapter: "fields", fieldKey: field?.key ?? null, anchor: null };
    } else {
      values = { targetKind: "chapter" as const, sectionId: null, measureId: null, chapter: target.chapter, fieldKey: target.fieldKey ?? null, anchor: null };
    }
    const row = await insertThread({ ...base, ...values, createdBy: comments[0]!.by, createdAt: tick() }, db);
    for (const c of comments) {
      await insertComment({ threadId: row.id, municipalityId: concept.municipalityId, authorId: c.by, body: c.body, mentions: c.mentions ?? [], createdAt: tick() }, db);
      await recordAudit(db, { ...base, actorId: c.by, action: c === comments[0] ? "comment.create" : "comment.reply", objectId: row.id });
      for (const userId of c.mentions ?? []) {
        await insertNotifications([{ ...base, userId, kind: "mention", threadId: row.id, actorId: c.by }], db);
      }
    }
    if (resolvedBy) {
      await setThreadState({ threadId: row.id, state: "resolved", userId: resolvedBy }, db);
      await recordAudit(db, { ...base, actorId: resolvedBy, action: "thread.resolve", objectId: row.id });
    }
  }

  const { adminId, editorId, reviewerId } = input;
  await thread({ chapter: "mandate", quote: "mehrere Tausend Schutzsuchende" }, [
    { by: reviewerId, body: "Gibt es eine genaue Zahl? Für die Ratsvorlage wäre eine Quelle gut (z. B. Auszug aus dem Ausländerzentralregister)." },
    { by: editorId, body: `@${input.reviewerName} Ich ergänze die Zahl aus dem AZR-Auszug vom Dezember.`, mentions: [reviewerId] },
  ]);
  await thread(
    { chapter: "vision", quote: "gesamtgesellschaftliche Aufgabe" },
    [
      { by: adminId, body: "Bitte mit dem Leitbild abgleichen, das der Rat 2019 beschlossen hat." },
      { by: editorId, body: "Abgeglichen, die Formulierung entspricht dem Beschluss." },
    ],
    editorId,
  );
  await thread({ chapter: "governance", quote: "Kommunale Integrationszentrum (Amt 52)" }, [
    {
      by: reviewerId,
      body: `Das Sozialdezernat bittet, die Zusammenarbeit mit dem Jobcenter hier ausdrücklich zu nennen. @${input.editorName} – siehe auch https://www.integrationsrat-musterstadt.example`,
      mentions: [editorId],
    },
  ]);
  await thread({ chapter: "fields", measureTitle: "Zentrale Sprachkursberatung und Kursplatzbörse" }, [
    { by: reviewerId, body: "Ist die Finanzierung nach dem Auslaufen der Förderung gesichert? Die Kämmerei fragt nach dem Eigenanteil ab 2028." },
  ]);
  await thread({ chapter: "funding" }, [{ by: reviewerId, body: "Der Kämmerei fehlt eine Übersicht der Eigenanteile je Haushaltsjahr." }]);

  const [latest] = await listVersionRows({ conceptId: concept.id }, db);
  if (!latest) return;
  const due = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const round = await insertRound({ ...base, versionNumber: latest.number, title: "Ressortabstimmung Herbst 2026", dueDate: due, createdBy: adminId, reviewerIds: [reviewerId] }, db);
  await insertNotifications([{ ...base, userId: reviewerId, kind: "round", roundId: round.id, actorId: adminId }], db);
  await recordAudit(db, { ...base, actorId: adminId, action: "round.start", objectId: round.id, details: { version: latest.number, reviewers: 1 } });
  const answers = [
    { target: "mandate", verdict: "approve", note: "" },
    { target: "vision", verdict: "approve", note: "" },
    { target: "baseline", verdict: "request_changes", note: "Die Kita-Besuchsquote bitte auf das Jahr 2025 aktualisieren." },
  ];
  for (const a of answers) {
    await upsertAnswer({ roundId: round.id, reviewerId, municipalityId: concept.municipalityId, ...a }, db);
    await recordAudit(db, { ...base, actorId: reviewerId, action: a.verdict === "approve" ? "round.approve" : "round.request_changes", objectId: round.id, details: { target: a.target } });
  }
}

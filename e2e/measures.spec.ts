import { expect, test } from "./fixtures";
import { FieldOfAction } from "./pages/measures";
import { expectNoViolations } from "./support/axe";

const SUB_GOAL = "Alle Neuzugewanderten erreichen innerhalb von zwei Jahren das Sprachniveau B1.";

test("Teilziele and Maßnahmen of a field of action: add with every field, validate, sort, delete", async ({ conceptPage }) => {
  const page = conceptPage.page;
  const conceptId = await conceptPage.createConcept(`Maßnahmen-Test ${Date.now()}`);
  const outline = page.getByRole("navigation", { name: "Gliederung" });
  const outlineEntry = outline.getByRole("link", { name: /Sprache/ });
  await expect(outlineEntry).toContainText("leer");
  const field = new FieldOfAction(page, "Sprache");

  // A Teilziel.
  await field.addSubGoal(SUB_GOAL);

  // A measure with every field.
  const first = "Sprachcafés in allen Stadtteilen";
  const form = await field.openNewMeasure();
  await form.fill({
    title: first,
    taskType: "Freiwillige Aufgabe",
    leadOffice: "Integrationsbüro",
    status: "laufend",
    startDate: "2026-03-01",
    endDate: "2027-12-31",
    priority: "hoch",
    staffFte: "1,5",
    materialCost: "35.000,50",
    subGoals: [`Teilziel 1: ${SUB_GOAL}`],
    funding: [{ source: "Land", programme: "Landesprogramm Integration", amount: "12.000", until: "2027-12-31" }],
    indicators: [
      {
        name: "Teilnehmende pro Jahr",
        kind: "Outcome",
        unit: "Personen",
        baseline: "120",
        target: "400",
        dataSource: "Teilnahmelisten",
        cadence: "jährlich",
      },
    ],
  });
  await form.save();
  await expect(field.notice()).toContainText("Maßnahme gespeichert.");

  const expectFirstCard = async () => {
    const card = field.card(first);
    await expect(card).toBeVisible();
    await expect(card).toContainText("35.000,50 €");
    await expect(card).toContainText("01.03.2026 – 31.12.2027");
    await expect(card).toContainText("Freiwillige Aufgabe");
    await expect(card).toContainText("Integrationsbüro");
    await expect(card).toContainText("laufend");
    await expect(card).toContainText("hoch");
    await expect(card).toContainText("1,5");
    await expect(card).toContainText(`Teilziel 1: ${SUB_GOAL}`);
    const funding = card.getByRole("table", { name: "Förderungen" });
    await expect(funding.getByRole("row").nth(1).getByRole("cell")).toHaveText(["Land", "Landesprogramm Integration", "12.000,00 €", "31.12.2027"]);
    const indicators = card.getByRole("table", { name: "Indikatoren" });
    await expect(indicators.getByRole("row").nth(1).getByRole("cell")).toHaveText([
      "Teilnehmende pro Jahr",
      "Outcome",
      "Personen",
      "120 → 400",
      "Teilnahmelisten",
      "jährlich",
    ]);
  };
  await expectFirstCard();
  await page.reload();
  await expectFirstCard();
  await expect(outlineEntry).toContainText("begonnen");

  // The other direction: the Teilziel names the measure that serves it, and the link leads to its card.
  const toMeasure = field.root.locator(".sub-goal").getByRole("link", { name: new RegExp(`^M \\d+\\.\\d+\\.1 ${first}$`) });
  await expect(toMeasure).toBeVisible();
  await toMeasure.click();
  await expect(page).toHaveURL(/#measures-/);
  await expect(field.card(first)).toBeInViewport();

  // The field's indicators at a glance, derived from its measures.
  const overview = field.root.getByRole("table", { name: /^Indikatoren im Überblick – Sprache/ });
  await expect(overview.getByRole("row").nth(1).getByRole("cell")).toHaveText([
    new RegExp(`^M \\d+\\.\\d+\\.1 ${first}$`),
    "Teilnehmende pro Jahr",
    "Outcome",
    "Personen",
    "120 → 400",
    "Teilnahmelisten",
    "jährlich",
  ]);

  // A second measure with an empty title and the end before the start: German messages, nothing sent.
  const second = await field.openNewMeasure();
  await second.fill({ title: "", taskType: "Pflichtaufgabe", leadOffice: "Volkshochschule", startDate: "2026-06-01", endDate: "2026-01-31" });
  await second.save();
  await expect(second.root).toContainText("Die Maßnahme wurde nicht gespeichert. Bitte prüfen Sie die markierten Angaben.");
  await expect(second.title()).toHaveAttribute("aria-invalid", "true");
  await expect(second.title()).toHaveAccessibleDescription("Bitte einen Titel angeben.");
  await expect(second.date("Ende")).toHaveAttribute("aria-invalid", "true");
  await expect(second.date("Ende")).toHaveAccessibleDescription("Das Ende liegt vor dem Beginn.");
  await expect(second.date("Beginn")).not.toHaveAttribute("aria-invalid", "true");
  // The typed values are kept.
  await expect(second.text("Federführung")).toHaveValue("Volkshochschule");
  await expect(second.date("Beginn")).toHaveValue("2026-06-01");
  await expect(second.date("Ende")).toHaveValue("2026-01-31");
  await expect(second.select("Aufgabenart")).toHaveValue("mandatory");
  await expect(field.cards()).toHaveCount(1);
  const stored = await (await page.request.get(`/api/concepts/${conceptId}`)).json();
  expect(stored.fields.find((f: { key: string }) => f.key === "language").measures).toHaveLength(1);

  // Correct the input and save it as the second measure.
  const secondTitle = "Sprachkurse mit Kinderbetreuung";
  await second.fill({ title: secondTitle, endDate: "2026-12-31" });
  await second.save();
  await expect(field.card(secondTitle)).toContainText("01.06.2026 – 31.12.2026");

  // A third one, moved up once: the order survives a reload.
  const third = "Sprachmittlerpool";
  await field.addMeasure({ title: third, taskType: "Freiwillige Aufgabe" });
  await expect(field.cardTitles()).toHaveText([first, secondTitle, third]);
  await field.root.getByRole("button", { name: `„${third}“ nach oben verschieben` }).click();
  await expect(field.notice()).toContainText(`„${third}“ nach oben verschoben.`);
  await expect(field.cardTitles()).toHaveText([first, third, secondTitle]);
  await page.reload();
  await expect(field.cardTitles()).toHaveText([first, third, secondTitle]);
  // The first card cannot move further up, the last not further down.
  await expect(field.root.getByRole("button", { name: `„${first}“ nach oben verschieben` })).toBeDisabled();
  await expect(field.root.getByRole("button", { name: `„${secondTitle}“ nach unten verschieben` })).toBeDisabled();

  // Delete after confirming.
  let question = "";
  page.once("dialog", (dialog) => {
    question = dialog.message();
    void dialog.accept();
  });
  await field.root.getByRole("button", { name: `„${third}“ löschen` }).click();
  await expect(field.cardTitles()).toHaveText([first, secondTitle]);
  expect(question).toContain(`Maßnahme „${third}“ wirklich löschen?`);
  await expect(field.root.getByRole("button", { name: "Maßnahme hinzufügen" })).toBeFocused();
  // Dismissing the dialog keeps the measure.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await field.root.getByRole("button", { name: `„${secondTitle}“ löschen` }).click();
  await expect(field.cardTitles()).toHaveText([first, secondTitle]);

  // With both texts written every part of "Sprache" has content: "begonnen" until someone marks the parts "fertig".
  await conceptPage.write(
    "Ausgangslage – Sprache",
    "Die Nachfrage nach Integrations- und Berufssprachkursen übersteigt das Angebot in Musterstadt seit Jahren deutlich.",
  );
  await conceptPage.expectSaved("Ausgangslage – Sprache");
  await conceptPage.write(
    "Leitziel – Sprache",
    "Alle Zugewanderten finden zeitnah ein passendes Sprachangebot, unabhängig von Aufenthaltsstatus und Familiensituation.",
  );
  await conceptPage.expectSaved("Leitziel – Sprache");
  await page.reload();
  // The deletion (and only it) is stored.
  await expect(field.cardTitles()).toHaveText([first, secondTitle]);
  await expect(outlineEntry).toContainText("begonnen");
});

test("Zielbaum of a field of action: Leitziel → Teilziele → Maßnahmen → Indikatoren, measures without a sub-goal apart, links to the cards", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.createConcept(`Zielbaum-Test ${Date.now()}`);
  const field = new FieldOfAction(page, "Sprache");
  await field.addSubGoal(SUB_GOAL);
  await field.addSubGoal("Wartezeiten auf einen Integrationskurs unter drei Monaten.");

  // One measure with an own code, serving the first sub-goal, with an indicator and two partners (one with a comma).
  const form = await field.openNewMeasure();
  await form.fill({
    title: "Sprachcafés in allen Stadtteilen",
    taskType: "Freiwillige Aufgabe",
    subGoals: [`Teilziel 1: ${SUB_GOAL}`],
    indicators: [{ name: "Teilnehmende pro Jahr", kind: "Outcome", unit: "Personen", baseline: "120", target: "400" }],
  });
  await form.text("Kürzel").fill("SP-01");
  await form.text("Kooperationspartner").fill("Volkshochschule\nHaus- und Grundbesitzerverein, Ortsgruppe Nord");
  await form.save();
  await expect(field.notice()).toContainText("Maßnahme gespeichert.");
  // Partners one per list item, the entry with a comma whole.
  await expect(field.card("Sprachcafés in allen Stadtteilen").getByRole("listitem")).toContainText(["Volkshochschule", "Haus- und Grundbesitzerverein, Ortsgruppe Nord"]);
  // One serving no sub-goal.
  await field.addMeasure({ title: "Lotsenprojekt Ankommen", taskType: "Pflichtaufgabe" });
  await conceptPage.write("Leitziel – Sprache", "Alle Zugewanderten finden zeitnah ein passendes Sprachangebot.");
  await conceptPage.expectSaved("Leitziel – Sprache");
  await page.reload();

  const treeToggle = field.root.getByText(/^Zielbaum anzeigen \(2 Teilziele, 2 Maßnahmen\)$/);
  await expect(field.root.getByRole("heading", { level: 4, name: "Zielbaum" })).toBeVisible();
  await treeToggle.click();
  const tree = field.root.getByTestId(/^goal-tree-/);
  await expect(tree).toContainText("Leitziel: Alle Zugewanderten finden zeitnah ein passendes Sprachangebot.");
  await expect(tree.getByRole("heading", { level: 5 })).toHaveText([SUB_GOAL, "Wartezeiten auf einen Integrationskurs unter drei Monaten.", "Ohne Teilziel"]);
  const branches = tree.locator(".goal-tree-branches > li");
  await expect(branches.nth(0).getByRole("link")).toHaveText(["SP-01 Sprachcafés in allen Stadtteilen"]);
  await expect(branches.nth(0).getByRole("list", { name: "Indikatoren von SP-01" }).getByRole("listitem")).toHaveText(["Teilnehmende pro Jahr (Outcome): 120 → 400 Personen"]);
  await expect(branches.nth(1)).toContainText("Keine Maßnahme zugeordnet.");
  await expect(branches.nth(2).getByRole("link")).toHaveText([/^M \d+\.\d+\.2 Lotsenprojekt Ankommen$/]);

  // axe on the open tree: heading levels, lists, link names.
  await expectNoViolations(page, "dem offenen Zielbaum", { include: "#feld-language" });

  // A measure's link leads to its card.
  await branches.nth(2).getByRole("link").click();
  await expect(page).toHaveURL(/#measures-/);
  await expect(field.card("Lotsenprojekt Ankommen")).toBeInViewport();
});

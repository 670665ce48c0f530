/**
 * Demo concept of "Musterstadt", a fictitious kreisfreie Stadt in Nordrhein-Westfalen
 * (about 180.000 inhabitants). All people, associations, companies and places are
 * invented; all figures are plausible but made up.
 *
 * The concept is deliberately "partly written": language, work and education are
 * complete; housing and participation have text and sub-goals but few or no
 * measures; health has only a short baseline.
 */
import { bold, doc, h3, h4, italic, link, ol, p, table, ul } from "@/lib/editor/build";
import type { SeedConcept, SeedField } from "./types";

const KI = "Kommunales Integrationszentrum (Amt 52)";

// ---------------------------------------------------------------------------
// Chapters
// ---------------------------------------------------------------------------

const mandate = doc(
  h3("Anlass"),
  p(
    "Musterstadt ist eine Stadt der Einwanderung. Rund ein Drittel der gut 181.000 Einwohnerinnen und Einwohner hat eine eigene oder familiäre Einwanderungsgeschichte; seit 2015 und erneut seit 2022 sind mehrere Tausend Schutzsuchende hinzugekommen. Das erste Integrationskonzept der Stadt aus dem Jahr 2014 ist in weiten Teilen umgesetzt oder durch neue Rahmenbedingungen überholt – etwa durch das ",
    italic("Teilhabe- und Integrationsgesetz NRW"),
    ", das Kommunale Integrationsmanagement (KIM) und das modernisierte Staatsangehörigkeitsrecht.",
  ),
  h3("Auftrag des Rates"),
  p(
    "Der Rat der Stadt Musterstadt hat die Verwaltung mit Beschluss vom 18. Juni 2024 (",
    italic("Drucksache 0412/2024"),
    ") beauftragt, das Integrationskonzept unter Beteiligung des Integrationsrates, der Träger der Integrationsarbeit und der Stadtgesellschaft neu aufzustellen. Federführend ist das Kommunale Integrationszentrum (Amt 52).",
  ),
  h3("Geltungszeitraum"),
  p(
    "Das Konzept gilt vom ",
    bold("1. Januar 2026 bis zum 31. Dezember 2030"),
    ". Es ist verbindlicher Handlungsrahmen für alle Dienststellen der Stadtverwaltung und zugleich ein Angebot an Träger, Vereine, Unternehmen und Initiativen, ihre Arbeit an gemeinsamen Zielen auszurichten.",
  ),
);

const vision = doc(
  h3("Unser Integrationsverständnis"),
  p(
    "Integration ist für Musterstadt eine ",
    bold("gesamtgesellschaftliche Aufgabe"),
    ". Sie richtet sich nicht nur an Neuzugewanderte, sondern an alle, die in unserer Stadt leben: an Alteingesessene wie Zugezogene, an Verwaltung, Politik, Wirtschaft und Zivilgesellschaft. Ziel ist die chancengerechte Teilhabe aller Menschen am gesellschaftlichen, wirtschaftlichen, kulturellen und politischen Leben – unabhängig von Herkunft, Sprache, Religion oder Aufenthaltsdauer.",
  ),
  h4("Leitziele"),
  ol(
    [bold("Ankommen erleichtern:"), " Neuzugewanderte finden vom ersten Tag an verlässliche Orientierung, Beratung und Sprachangebote."],
    [bold("Teilhabe ermöglichen:"), " Alle Menschen haben gleiche Chancen auf Bildung, Arbeit, Wohnen und Gesundheit."],
    [bold("Vielfalt anerkennen:"), " Mehrsprachigkeit und unterschiedliche Lebensentwürfe werden als Stärke der Stadt verstanden."],
    [bold("Verwaltung öffnen:"), " Die Stadtverwaltung richtet ihre Dienstleistungen interkulturell aus und spiegelt die Vielfalt der Stadtgesellschaft wider."],
    [bold("Zusammenhalt stärken:"), " Diskriminierung und Rassismus wird entschieden entgegengetreten."],
  ),
  p(
    "Das Leitbild wurde im Beteiligungsprozess gemeinsam mit dem Integrationsrat formuliert und vom Rat als Grundlage für alle Handlungsfelder bestätigt.",
  ),
);

const baseline = doc(
  h3("Bevölkerung und Zuwanderung"),
  p(
    "Die Bevölkerung Musterstadts ist nach Jahren des Rückgangs seit 2015 wieder gewachsen – fast ausschließlich durch Zuwanderung. Die Bevölkerung mit Einwanderungsgeschichte ist im Durchschnitt deutlich jünger als die übrige Stadtbevölkerung; fast jedes zweite Kind unter sechs Jahren hat eine Einwanderungsgeschichte. Die wichtigsten Kennzahlen:",
  ),
  table(
    ["Kennzahl", "31.12.2019", "31.12.2024"],
    [
      ["Einwohnerinnen und Einwohner (Hauptwohnsitz)", "178.902", "181.437"],
      ["Anteil mit Einwanderungsgeschichte", "29,6 %", "33,8 %"],
      ["Ausländische Staatsangehörige", "24.310", "31.870"],
      ["Schutzsuchende (Ausländerzentralregister)", "6.240", "9.815"],
      ["davon aus der Ukraine", "–", "3.120"],
      ["Einbürgerungen im Jahr", "610", "1.140"],
      ["SGB-II-Quote", "11,9 %", "12,4 %"],
      ["Arbeitslosenquote", "7,4 %", "8,1 %"],
      ["Kinder unter 6 Jahren mit Einwanderungsgeschichte", "44,1 %", "47,3 %"],
    ],
  ),
  p(italic("Quellen: Melderegister der Stadt Musterstadt, Ausländerzentralregister, Statistik der Bundesagentur für Arbeit.")),
  h3("Bestehende Angebote"),
  ul(
    "Integrationskurse und Berufssprachkurse bei acht zugelassenen Trägern, darunter die Volkshochschule Musterstadt",
    "Migrationsberatung für erwachsene Zuwanderer (MBE) und Jugendmigrationsdienst bei den Wohlfahrtsverbänden",
    "Kommunales Integrationsmanagement (KIM) mit rechtskreisübergreifendem Case Management",
    "14 Sprachcafés und rund 120 Lernpatenschaften, gefördert über KOMM-AN NRW",
    "19 Sprach-Kitas, Rucksack KiTa und Griffbereit in den Familienzentren",
    "Kommunaler Sprachmittlerpool mit 62 Sprachmittlerinnen und Sprachmittlern in 28 Sprachen",
  ),
  p(
    "Angebote und Arbeitshilfen der Kommunalen Integrationszentren im Land stellt die ",
    link("Landesweite Koordinierungsstelle Kommunale Integrationszentren", "https://www.kommunale-integrationszentren-nrw.de/"),
    " bereit.",
  ),
);

const governance = doc(
  h3("Federführung"),
  p(
    "Federführend für Integration ist das ",
    bold("Kommunale Integrationszentrum (Amt 52)"),
    " im Dezernat III (Bildung, Jugend und Soziales). Es bündelt die Aufgaben nach dem Teilhabe- und Integrationsgesetz NRW, die KIM-Koordinierungsstelle und die Geschäftsführung des Integrationsrates. Alle Fachämter benennen eine Ansprechperson für Integration.",
  ),
  h3("Gremien"),
  ul(
    [bold("Integrationsrat"), " nach § 27 GO NRW: berät den Rat und seine Ausschüsse und erhält jährlich den Sachstandsbericht zum Konzept."],
    [bold("Lenkungskreis Integration"), ": Verwaltungsvorstand, Jobcenter Musterstadt, Agentur für Arbeit und Ausländerbehörde; tagt zweimal im Jahr."],
    [bold("Fachforum Integration"), ": Träger, Wohlfahrtsverbände, Migrantenorganisationen und Ehrenamtsinitiativen; tagt vierteljährlich."],
    [bold("KIM-Steuerungsgruppe"), ": steuert das Case Management über Rechtskreise hinweg."],
  ),
  h3("Zivilgesellschaftliche Netzwerke"),
  p(
    "Das Netzwerk ",
    italic("„Willkommen in Musterstadt“"),
    " verbindet rund 40 Initiativen der Flüchtlingshilfe. Das Forum der Migrantenorganisationen Musterstadt vertritt 14 Vereine und ist ständiger Gast im Fachforum Integration.",
  ),
);

const participationProcess = doc(
  p(
    "Das Konzept ist zwischen September 2024 und Mai 2025 in einem offenen Prozess entstanden. Ziel war, nicht nur Fachleute, sondern gerade auch Menschen mit eigener Zuwanderungserfahrung zu Wort kommen zu lassen.",
  ),
  h4("Formate"),
  ol(
    "Auftaktkonferenz im November 2024 mit rund 160 Teilnehmenden",
    "Sieben Fachwerkstätten, je eine pro Handlungsfeld, mit Trägern und Fachämtern",
    "Online-Beteiligung über vier Wochen mit 412 Beiträgen",
    "Fokusgruppen mit Neuzugewanderten auf Arabisch, Ukrainisch, Türkisch und Dari",
    "Zwei Sondersitzungen des Integrationsrates und Stellungnahmen der Fachausschüsse",
  ),
  p(
    "Alle Beiträge wurden dokumentiert und den Handlungsfeldern zugeordnet. Ein ",
    bold("Rückmeldebericht"),
    " legt offen, welche Vorschläge übernommen wurden und warum andere nicht oder erst in der nächsten Fortschreibung berücksichtigt werden können.",
  ),
);

const funding = doc(
  p(
    "Die Übersicht oben fasst die Finanzierung aller Maßnahmen nach Quellen zusammen. Ein großer Teil der Integrationsarbeit in Musterstadt wird über befristete Förderprogramme von Land, Bund und EU finanziert – insbesondere KIM, KOMM-AN NRW und ESF Plus.",
  ),
  h4("Grundsätze"),
  ul(
    "Pflichtaufgaben werden aus dem städtischen Haushalt regelfinanziert.",
    "Fördermittel werden genutzt, wo sie verfügbar sind; der kommunale Eigenanteil wird in der Haushaltsplanung gesichert.",
    "Bewährte Projekte werden rechtzeitig vor Förderende auf ihre Verstetigung geprüft.",
  ),
  p(
    italic("Alle Maßnahmen stehen unter dem Vorbehalt der Beschlüsse zum jeweiligen Haushalt."),
    " Angaben zu Sachkosten gelten jährlich; Personalkosten werden nach den Personalkostensätzen der KGSt kalkuliert.",
  ),
);

const monitoring = doc(
  h3("Kontextmonitoring"),
  p(
    "Das kommunale Integrationsmonitoring beschreibt mit rund 25 Kennzahlen die Lage in der Stadt – von der Kita-Besuchsquote über Schulabschlüsse bis zur Beschäftigungsquote – wo möglich nach Sozialräumen. Es zeigt Entwicklungen, die die Stadt nur mittelbar beeinflussen kann, und wird alle zwei Jahre veröffentlicht.",
  ),
  h3("Controlling der Maßnahmen"),
  p(
    "Jede Maßnahme hat Output- und Outcome-Indikatoren mit Basis- und Zielwert. Die federführenden Stellen melden ihre Werte jährlich zum 31. März an das Kommunale Integrationszentrum. Daraus entsteht der ",
    bold("Sachstandsbericht"),
    " an den Integrationsrat und den Ausschuss für Soziales und Integration.",
  ),
  h3("Evaluation"),
  p("Zur Halbzeit 2028 wird das Konzept extern evaluiert; die Ergebnisse fließen unmittelbar in die Fortschreibung ein."),
);

const update = doc(
  p(
    "Das Integrationskonzept wird ",
    bold("alle fünf Jahre"),
    " fortgeschrieben. Zuständig ist das Kommunale Integrationszentrum, das den Prozess gemeinsam mit dem Integrationsrat steuert.",
  ),
  ol(
    "2028: Zwischenevaluation und Anpassung einzelner Maßnahmen",
    "Anfang 2029: Auftrag des Rates zur Fortschreibung",
    "2029: Beteiligungsprozess und Überarbeitung der Handlungsfelder",
    "Herbst 2030: Beschluss des fortgeschriebenen Konzepts für 2031–2035",
  ),
);

const demands = doc(
  p(
    "Kommunen tragen die Hauptlast der Integration vor Ort, ohne über die wichtigsten Rahmenbedingungen selbst zu entscheiden. Musterstadt erwartet deshalb von Land und Bund:",
  ),
  ul(
    [bold("Verlässliche Finanzierung:"), " KIM, KOMM-AN NRW und die Kommunalen Integrationszentren dauerhaft statt in jährlichen Förderrunden finanzieren."],
    [bold("Ausreichende Sprachkurse:"), " Integrationskurse und Berufssprachkurse bedarfsgerecht ausstatten, einschließlich Kinderbetreuung."],
    [bold("Schnellere Anerkennung:"), " Anerkennungsverfahren für ausländische Berufsabschlüsse vereinfachen und digitalisieren."],
    [bold("Schulplätze und Lehrkräfte:"), " zusätzliche Stellen für die Beschulung neu zugewanderter Kinder und Jugendlicher schaffen."],
    [bold("Kostenerstattung:"), " die Kosten der Unterbringung Geflüchteter nach dem Flüchtlingsaufnahmegesetz vollständig erstatten."],
    [bold("Sprachmittlung im Gesundheitswesen:"), " qualifizierte Sprachmittlung als Leistung der gesetzlichen Krankenversicherung verankern."],
  ),
);

// ---------------------------------------------------------------------------
// Fields of action
// ---------------------------------------------------------------------------

const language: SeedField = {
  baseline: doc(
    p(
      "Jährlich beginnen in Musterstadt rund 2.300 Personen einen Integrationskurs bei acht zugelassenen Trägern. Die Wartezeit bis zum Kursbeginn lag 2024 bei durchschnittlich ",
      bold("14 Wochen"),
      ", bei Kursen mit Kinderbetreuung deutlich darüber. Nur 52 % der Teilnehmenden erreichen im Deutsch-Test für Zuwanderer das Niveau B1.",
    ),
    ul(
      "Integrationskurse: allgemeine Kurse, Alphabetisierungs-, Eltern- und Frauenkurse",
      "Berufssprachkurse (B2/C1) in Kooperation mit Jobcenter und Agentur für Arbeit",
      "14 Sprachcafés, überwiegend ehrenamtlich getragen",
      "Kommunaler Sprachmittlerpool mit 62 Sprachmittlerinnen und Sprachmittlern",
    ),
    p(
      "In den Fachwerkstätten wurde vor allem bemängelt, dass Ratsuchende kaum einen Überblick über freie Kursplätze haben und Eltern kleiner Kinder von Kursen faktisch ausgeschlossen sind.",
    ),
  ),
  goal: doc(
    p(
      "Alle Menschen in Musterstadt können sich ihren Bedürfnissen entsprechend auf Deutsch verständigen. Neuzugewanderte finden ohne lange Wartezeit ein passendes Sprachangebot, und wo die Verständigung auf Deutsch noch nicht gelingt, sorgt qualifizierte Sprachmittlung für gleichberechtigten Zugang zu Leistungen.",
    ),
  ),
  subGoals: [
    "Die Wartezeit bis zum Beginn eines Integrationskurses sinkt bis 2028 auf höchstens acht Wochen.",
    "Für Eltern mit kleinen Kindern stehen ausreichend Sprachkurse mit Kinderbetreuung zur Verfügung.",
    "Niedrigschwellige Sprachangebote sind in allen Sozialräumen wohnortnah erreichbar.",
    "Alle städtischen Dienststellen mit Publikumsverkehr nutzen den kommunalen Sprachmittlerpool.",
  ],
  measures: [
    {
      title: "Zentrale Sprachkursberatung und Kursplatzbörse",
      description: doc(
        p(
          "Eine zentrale Anlaufstelle im Kommunalen Integrationszentrum berät Neuzugewanderte zu allen Sprachangeboten und vermittelt in freie Kursplätze. Grundlage ist eine ",
          bold("Online-Kursplatzbörse"),
          ", in die alle Träger ihre Kurse und freien Plätze wöchentlich einstellen.",
        ),
        ul(
          "Einstufungsberatung und Vermittlung in passende Kursformate",
          "Wöchentliche Meldung freier Plätze durch die Träger",
          "Halbjährliche Kursplanungskonferenz mit Trägern, Jobcenter und BAMF-Regionalkoordination",
        ),
      ),
      targetGroups: ["Neuzugewanderte", "Geflüchtete", "Zugewanderte aus EU-Staaten"],
      taskType: "voluntary",
      leadOffice: KI,
      partners: ["Volkshochschule Musterstadt", "Jobcenter Musterstadt", "Integrationskursträger", "Migrationsberatung für erwachsene Zuwanderer (MBE)"],
      status: "running",
      startDate: "2024-03-01",
      endDate: "2027-12-31",
      priority: "high",
      staffFte: "1.50",
      materialCostCents: 1_800_000,
      fundingLines: [
        { source: "state", programme: "Kommunales Integrationsmanagement NRW (KIM)", amountCents: 5_200_000, until: "2027-12-31" },
        { source: "municipal", programme: "Haushalt Stadt Musterstadt", amountCents: 6_500_000, until: null },
      ],
      indicators: [
        { name: "Beratungsgespräche zu Sprachkursen", kind: "output", unit: "Anzahl", baseline: "1.350", target: "2.000", dataSource: "Falldokumentation KI", cadence: "jährlich" },
        { name: "Durchschnittliche Wartezeit bis Kursbeginn", kind: "outcome", unit: "Wochen", baseline: "14", target: "8", dataSource: "Kursplatzbörse, Trägerabfrage", cadence: "halbjährlich" },
      ],
      subGoalIndexes: [0],
    },
    {
      title: "Elternintegrationskurse mit Kinderbetreuung",
      description: doc(
        p(
          "Die Volkshochschule baut Elternintegrationskurse mit kursbegleitender Kinderbetreuung aus. Die Kurse finden in Familienzentren und Grundschulen in den Sozialräumen statt, sodass Wege kurz bleiben.",
        ),
        p(
          "Die Kinderbetreuung übernehmen qualifizierte Kräfte der Kita-Träger. ",
          italic("Vorrang haben Mütter, die bislang keinen Kursplatz gefunden haben."),
        ),
      ),
      targetGroups: ["Eltern mit Kindern unter 6 Jahren", "Frauen mit Fluchtgeschichte"],
      taskType: "voluntary",
      leadOffice: "Volkshochschule Musterstadt (Amt 43)",
      partners: ["Jugendamt (Amt 51)", "Familienzentren", "Kita-Träger", "Kommunales Integrationszentrum (Amt 52)"],
      status: "planned",
      startDate: "2026-02-01",
      endDate: "2028-12-31",
      priority: "high",
      staffFte: "0.75",
      materialCostCents: 4_200_000,
      fundingLines: [
        { source: "federal", programme: "Integrationskurse (BAMF) – Elternintegrationskurse", amountCents: 9_800_000, until: null },
        { source: "municipal", programme: "Haushalt Stadt Musterstadt – Kinderbetreuung", amountCents: 3_600_000, until: null },
      ],
      indicators: [
        { name: "Elternintegrationskurse mit Kinderbetreuung", kind: "output", unit: "Kurse pro Jahr", baseline: "4", target: "10", dataSource: "Kursstatistik VHS", cadence: "jährlich" },
        { name: "Anteil der Teilnehmenden mit Abschluss B1", kind: "outcome", unit: "%", baseline: "41", target: "55", dataSource: "Integrationskursgeschäftsstatistik BAMF", cadence: "jährlich" },
      ],
      subGoalIndexes: [1],
    },
    {
      title: "Sprachcafés und Lernpatenschaften in den Quartieren",
      description: doc(
        p(
          "Ehrenamtlich geführte Sprachcafés bieten in Stadtteilbibliotheken, Familienzentren und Gemeindehäusern Gelegenheit, Deutsch im Alltag zu üben. Lernpatinnen und Lernpaten begleiten Einzelne oder kleine Gruppen über mehrere Monate.",
        ),
        ul(
          "Fortbildungsreihe für Ehrenamtliche (Deutsch als Zweitsprache, Umgang mit Traumatisierung)",
          "Lernmaterialien und Sachkostenpauschalen für die Standorte",
          "Ausbau auf neue Standorte im Hafenviertel, in der Weststadt und am Lindenhof",
        ),
      ),
      targetGroups: ["Neuzugewanderte", "Teilnehmende von Integrationskursen", "Ehrenamtliche"],
      taskType: "voluntary",
      leadOffice: KI,
      partners: ["Stadtbibliothek (Amt 42)", "Ehrenamtsagentur Miteinander Musterstadt e. V.", "Familienzentren", "Kirchengemeinden", "Migrantenorganisationen"],
      status: "established",
      startDate: "2017-04-01",
      endDate: null,
      priority: "medium",
      staffFte: "1.00",
      materialCostCents: 2_500_000,
      fundingLines: [
        { source: "state", programme: "KOMM-AN NRW", amountCents: 3_800_000, until: "2026-12-31" },
        { source: "municipal", programme: "Haushalt Stadt Musterstadt", amountCents: 1_200_000, until: null },
      ],
      indicators: [
        { name: "Standorte mit Sprachcafé", kind: "output", unit: "Anzahl", baseline: "14", target: "20", dataSource: "Standortliste KI", cadence: "jährlich" },
        { name: "Aktive Lernpatinnen und Lernpaten", kind: "output", unit: "Personen", baseline: "120", target: "180", dataSource: "Ehrenamtsdatenbank", cadence: "jährlich" },
      ],
      subGoalIndexes: [2],
    },
  ],
};

const work: SeedField = {
  baseline: doc(
    p(
      "Von den rund 9.800 Schutzsuchenden in Musterstadt sind etwa 6.100 im erwerbsfähigen Alter. Das Jobcenter Musterstadt betreut rund 4.300 erwerbsfähige Leistungsberechtigte im Kontext von Fluchtmigration; ihre Beschäftigungsquote liegt bei ",
      bold("34 %"),
      ", bei Frauen nur bei 19 %.",
    ),
    ul(
      "Team Migration im Jobcenter und Berufsberatung der Agentur für Arbeit",
      "Anerkennungsberatung durch die IQ-Beratungsstelle der Bildungswerk Westfalenbrücke gGmbH",
      "Kommunales Integrationsmanagement mit Case Management über Rechtskreise hinweg",
      "Ausbildungsbegleitung durch den Jugendmigrationsdienst und die Jugendberufsagentur",
    ),
    p(
      "Hemmnisse sind vor allem lange Anerkennungsverfahren, fehlende Kinderbetreuung und die geringe Zahl von Ausbildungsverträgen mit jungen Geflüchteten. Gleichzeitig melden Handwerk und Pflege in Musterstadt einen wachsenden Fachkräftebedarf.",
    ),
  ),
  goal: doc(
    p(
      "Menschen mit Einwanderungsgeschichte arbeiten in Musterstadt ihren Qualifikationen entsprechend und sichern ihren Lebensunterhalt selbst. Unternehmen in Musterstadt gewinnen unter den Zugewanderten die Fachkräfte, die sie brauchen.",
    ),
  ),
  subGoals: [
    "Die Beschäftigungsquote Geflüchteter im erwerbsfähigen Alter steigt bis 2030 von 34 % auf 50 %.",
    "Ausländische Berufsabschlüsse werden schneller anerkannt; eine Anerkennungsberatung ist innerhalb von vier Wochen verfügbar.",
    "Mehr junge Neuzugewanderte beginnen eine Berufsausbildung und schließen sie erfolgreich ab.",
    "Die Erwerbsbeteiligung von Frauen mit Fluchtgeschichte steigt deutlich.",
  ],
  measures: [
    {
      title: "Rechtskreisübergreifendes Case Management Arbeit (KIM)",
      description: doc(
        p(
          "Case Managerinnen und Case Manager begleiten Menschen mit komplexem Unterstützungsbedarf über Zuständigkeitsgrenzen hinweg – von aufenthaltsrechtlichen Fragen über Sprachkurs und Anerkennung bis zur Arbeitsaufnahme. Grundlage sind verbindliche Kooperationsvereinbarungen zwischen Stadt, Jobcenter und Agentur für Arbeit.",
        ),
        h4("Bausteine"),
        ul(
          "Gemeinsame Fallkonferenzen mit Jobcenter, Ausländerbehörde und Migrationsberatung",
          "Schwerpunkt auf jungen Erwachsenen bis 27 Jahre ohne Ausbildung",
          "Einheitliche Falldokumentation mit Einwilligung der Betroffenen",
        ),
      ),
      targetGroups: ["Geflüchtete", "Neuzugewanderte mit komplexem Unterstützungsbedarf", "Junge Erwachsene bis 27 Jahre"],
      taskType: "voluntary",
      leadOffice: "Kommunales Integrationszentrum (Amt 52) – KIM-Koordinierungsstelle",
      partners: ["Jobcenter Musterstadt", "Agentur für Arbeit Musterstadt", "Ausländerbehörde (Amt 32)", "Sozialamt (Amt 50)", "Migrationsberatung der Wohlfahrtsverbände"],
      status: "running",
      startDate: "2021-01-01",
      endDate: "2027-12-31",
      priority: "high",
      staffFte: "6.00",
      materialCostCents: 3_000_000,
      fundingLines: [
        { source: "state", programme: "Kommunales Integrationsmanagement NRW (KIM), Baustein 3", amountCents: 39_600_000, until: "2027-12-31" },
        { source: "municipal", programme: "Eigenanteil Stadt Musterstadt", amountCents: 4_400_000, until: null },
      ],
      indicators: [
        { name: "Personen im Case Management", kind: "output", unit: "Personen", baseline: "640", target: "900", dataSource: "KIM-Falldokumentation", cadence: "jährlich" },
        { name: "Anteil der Fälle mit Aufnahme von Beschäftigung oder Ausbildung innerhalb von 12 Monaten", kind: "outcome", unit: "%", baseline: "27", target: "40", dataSource: "KIM-Falldokumentation", cadence: "jährlich" },
      ],
      subGoalIndexes: [0, 2],
    },
    {
      title: "Anerkennungs- und Qualifizierungsberatung im Welcome Center",
      description: doc(
        p(
          "Im neuen Welcome Center der Wirtschaftsförderung erhalten Zugewanderte und Arbeitgeber Beratung aus einer Hand: zur Anerkennung ausländischer Abschlüsse, zu Anpassungsqualifizierungen und zum beschleunigten Fachkräfteverfahren.",
        ),
        ol(
          "Erstberatung innerhalb von vier Wochen nach Anfrage",
          "Begleitung durch das Anerkennungsverfahren bis zum Bescheid",
          "Vermittlung in Anpassungs- und Nachqualifizierungen",
        ),
      ),
      targetGroups: ["Zugewanderte mit ausländischem Berufsabschluss", "Arbeitgeber in Musterstadt"],
      taskType: "voluntary",
      leadOffice: "Wirtschaftsförderung Musterstadt (Amt 80)",
      partners: ["IQ-Beratungsstelle der Bildungswerk Westfalenbrücke gGmbH", "Industrie- und Handelskammer", "Handwerkskammer", "Agentur für Arbeit Musterstadt", "Ausländerbehörde (Amt 32)"],
      status: "planned",
      startDate: "2026-04-01",
      endDate: "2029-03-31",
      priority: "medium",
      staffFte: "2.00",
      materialCostCents: 2_800_000,
      fundingLines: [
        { source: "eu", programme: "ESF Plus – Förderprogramm „Integration durch Qualifizierung (IQ)“", amountCents: 8_500_000, until: "2028-12-31" },
        { source: "municipal", programme: "Haushalt Stadt Musterstadt – Wirtschaftsförderung", amountCents: 6_000_000, until: null },
      ],
      indicators: [
        { name: "Anerkennungsberatungen", kind: "output", unit: "Anzahl", baseline: "310", target: "600", dataSource: "Dokumentation Welcome Center", cadence: "jährlich" },
        { name: "Durchschnittliche Dauer bis zur Anerkennungsentscheidung", kind: "outcome", unit: "Monate", baseline: "9", target: "5", dataSource: "Abfrage bei den zuständigen Stellen", cadence: "jährlich" },
      ],
      subGoalIndexes: [1],
    },
    {
      title: "Pilotprojekt „Frauen in Arbeit“ – Jobcoaching für Frauen mit Fluchtgeschichte",
      description: doc(
        p(
          "Das Pilotprojekt hat Frauen mit Fluchtgeschichte über zwei Jahre mit Gruppenangeboten, Einzelcoaching und Betriebspraktika auf den Arbeitsmarkt vorbereitet. Es ist im August 2025 ausgelaufen.",
        ),
        p(
          bold("Ergebnis:"),
          " 38 von 112 Teilnehmerinnen haben eine Beschäftigung oder Ausbildung aufgenommen. Die Erfahrungen – insbesondere zur Verbindung von Coaching und Kinderbetreuung – fließen in das Case Management und die Elternintegrationskurse ein.",
        ),
      ),
      targetGroups: ["Frauen mit Fluchtgeschichte"],
      taskType: "voluntary",
      leadOffice: "Jobcenter Musterstadt",
      partners: ["Kommunales Integrationszentrum (Amt 52)", "Internationales Frauencafé Nordviertel e. V.", "Gleichstellungsstelle der Stadt Musterstadt"],
      status: "completed",
      startDate: "2023-09-01",
      endDate: "2025-08-31",
      priority: "low",
      staffFte: "1.50",
      materialCostCents: 1_100_000,
      fundingLines: [
        { source: "eu", programme: "ESF Plus – Bundesprogramm „MY TURN“", amountCents: 11_200_000, until: "2025-08-31" },
        { source: "federal", programme: "Eingliederungsbudget Jobcenter (SGB II)", amountCents: 2_300_000, until: "2025-08-31" },
      ],
      indicators: [
        { name: "Teilnehmerinnen", kind: "output", unit: "Personen", baseline: "0", target: "100", dataSource: "Projektdokumentation", cadence: "halbjährlich" },
        { name: "Übergänge in Beschäftigung oder Ausbildung", kind: "outcome", unit: "Personen", baseline: "0", target: "35", dataSource: "Projektdokumentation, Jobcenter", cadence: "halbjährlich" },
      ],
      subGoalIndexes: [3],
    },
  ],
};

const education: SeedField = {
  baseline: doc(
    p(
      "47 % der Kinder unter sechs Jahren in Musterstadt haben eine Einwanderungsgeschichte. In 23 der 126 Kindertageseinrichtungen spricht mehr als die Hälfte der Kinder zu Hause vorwiegend eine andere Sprache als Deutsch; 19 Einrichtungen sind Sprach-Kitas. Kinder aus zugewanderten Familien beginnen im Durchschnitt fast ein Jahr später mit dem Kita-Besuch.",
    ),
    p(
      "Im Schuljahr 2024/25 sind rund ",
      bold("1.050 neu zugewanderte Kinder und Jugendliche"),
      " an Musterstädter Schulen gekommen. Bis zur Zuweisung eines Schulplatzes vergingen in der Sekundarstufe I durchschnittlich sieben Wochen.",
    ),
    ul(
      "Erstberatung und Schulplatzvergabe durch das Kommunale Integrationszentrum",
      "Rucksack KiTa und Griffbereit in 16 Familienzentren",
      "Herkunftssprachlicher Unterricht in neun Sprachen",
    ),
  ),
  goal: doc(
    p(
      "Alle Kinder und Jugendlichen in Musterstadt haben von Anfang an gleiche Bildungschancen. Herkunft und Aufenthaltsstatus bestimmen nicht über den Bildungsweg; Eltern sind als Partner in Kita und Schule beteiligt, und Mehrsprachigkeit wird als Ressource gefördert.",
    ),
  ),
  subGoals: [
    "Kinder mit Einwanderungsgeschichte besuchen früher und häufiger eine Kindertageseinrichtung.",
    "Neu zugewanderte Schulpflichtige erhalten innerhalb von vier Wochen nach Ankunft einen Schulplatz.",
    "Eltern werden als Bildungspartner gestärkt und in Kita und Schule beteiligt.",
    "Mehrsprachigkeit wird gefördert; der herkunftssprachliche Unterricht wird ausgebaut.",
  ],
  measures: [
    {
      title: "Erstberatung und Schulplatzvergabe für neu zugewanderte Kinder und Jugendliche",
      description: doc(
        p(
          "Das Kommunale Integrationszentrum berät neu zugewanderte Familien zum Schulsystem, klärt den Bildungsstand der Kinder und schlägt der Schulaufsicht einen geeigneten Schulplatz vor. Die Zuweisung erfolgt in enger Abstimmung mit dem Schulverwaltungsamt.",
        ),
        ul(
          "Erstgespräch mit Sprachmittlung innerhalb von zwei Wochen",
          "Gemeinsame Platzkonferenz mit der Schulaufsicht im zweiwöchentlichen Rhythmus",
          "Nachsteuerung nach sechs Monaten bei Bedarf",
        ),
      ),
      targetGroups: ["Neu zugewanderte Kinder und Jugendliche", "Eltern"],
      taskType: "mandatory",
      leadOffice: "Kommunales Integrationszentrum (Amt 52) – Team Schule",
      partners: ["Schulamt für die Stadt Musterstadt", "Schulverwaltungsamt (Amt 40)", "Gesundheitsamt (Amt 53)", "Schulpsychologische Beratungsstelle"],
      status: "established",
      startDate: "2016-08-01",
      endDate: null,
      priority: "high",
      staffFte: "3.00",
      materialCostCents: 900_000,
      fundingLines: [
        { source: "state", programme: "Landesförderung Kommunale Integrationszentren (TIntG NRW)", amountCents: 18_000_000, until: null },
        { source: "municipal", programme: "Haushalt Stadt Musterstadt", amountCents: 6_500_000, until: null },
      ],
      indicators: [
        { name: "Erstberatungsgespräche", kind: "output", unit: "Anzahl", baseline: "1.050", target: "1.100", dataSource: "Schulplatzstatistik KI", cadence: "jährlich" },
        { name: "Durchschnittliche Wartezeit bis zum Schulplatz (Sek. I)", kind: "outcome", unit: "Wochen", baseline: "7", target: "4", dataSource: "Schulplatzstatistik KI", cadence: "halbjährlich" },
      ],
      subGoalIndexes: [1],
    },
    {
      title: "Rucksack KiTa und Griffbereit – Elternbildung und Mehrsprachigkeit",
      description: doc(
        p(
          "Geschulte Elternbegleiterinnen leiten Elterngruppen in Familienzentren und Kitas an. Eltern stärken die Sprachentwicklung ihrer Kinder in der Familiensprache und lernen parallel die Bildungsarbeit der Kita kennen.",
        ),
        p(
          italic("Griffbereit"),
          " richtet sich an Familien mit Kindern bis drei Jahre, ",
          italic("Rucksack KiTa"),
          " an Familien mit Kindern im Kita-Alter.",
        ),
      ),
      targetGroups: ["Eltern mit Kindern bis 6 Jahre", "Mehrsprachige Familien"],
      taskType: "voluntary",
      leadOffice: KI,
      partners: ["Kita-Träger", "Familienzentren", "Jugendamt (Amt 51)", "Forum der Migrantenorganisationen Musterstadt"],
      status: "established",
      startDate: "2012-09-01",
      endDate: null,
      priority: "medium",
      staffFte: "1.00",
      materialCostCents: 1_400_000,
      fundingLines: [
        { source: "municipal", programme: "Haushalt Stadt Musterstadt – Honorare Elternbegleiterinnen", amountCents: 3_000_000, until: null },
        { source: "state", programme: "KOMM-AN NRW", amountCents: 1_500_000, until: "2026-12-31" },
      ],
      indicators: [
        { name: "Elterngruppen", kind: "output", unit: "Gruppen", baseline: "18", target: "26", dataSource: "Programmdokumentation KI", cadence: "jährlich" },
        { name: "Anteil der Eltern, die sich nach Abschluss aktiv in der Kita beteiligen", kind: "outcome", unit: "%", baseline: "58", target: "70", dataSource: "Abschlussbefragung", cadence: "jährlich" },
      ],
      subGoalIndexes: [2, 3],
    },
    {
      title: "Brückenangebote und Kita-Lotsinnen",
      description: doc(
        p(
          "Für Kinder, die noch keinen Kita-Platz haben, entstehen Spielgruppen in Gemeinschaftsunterkünften und Familienzentren. Kita-Lotsinnen mit eigener Zuwanderungserfahrung beraten Familien zur Anmeldung über den Kita-Navigator und begleiten den Übergang in die Regelbetreuung.",
        ),
      ),
      targetGroups: ["Kinder von 1 bis 6 Jahren ohne Betreuungsplatz", "Geflüchtete Familien"],
      taskType: "voluntary",
      leadOffice: "Jugendamt (Amt 51)",
      partners: ["Kommunales Integrationszentrum (Amt 52)", "Sozialamt (Amt 50)", "Kita-Träger", "Familienzentren"],
      status: "planned",
      startDate: "2026-08-01",
      endDate: "2029-07-31",
      priority: "high",
      staffFte: "2.00",
      materialCostCents: 3_500_000,
      fundingLines: [
        { source: "state", programme: "Landesförderung Brückenprojekte NRW", amountCents: 6_000_000, until: "2028-07-31" },
        { source: "municipal", programme: "Haushalt Stadt Musterstadt – Jugendhilfe", amountCents: 2_400_000, until: null },
      ],
      indicators: [
        { name: "Kinder in Brückenangeboten", kind: "output", unit: "Kinder", baseline: "85", target: "180", dataSource: "Statistik Jugendamt", cadence: "jährlich" },
        { name: "Übergangsquote in die Regelbetreuung", kind: "outcome", unit: "%", baseline: "61", target: "80", dataSource: "Statistik Jugendamt", cadence: "jährlich" },
      ],
      subGoalIndexes: [0],
    },
  ],
};

const housing: SeedField = {
  baseline: doc(
    p(
      "Der Wohnungsmarkt in Musterstadt ist angespannt: Die Leerstandsquote liegt bei 1,2 %, der Bestand an mietpreisgebundenen Wohnungen ist seit 2015 um rund 18 % gesunken. In den städtischen Gemeinschaftsunterkünften leben derzeit 1.460 Menschen, davon rund ",
      bold("520 mit abgeschlossenem Asylverfahren"),
      ", die ausziehen dürften, aber keine Wohnung finden.",
    ),
    p(
      "In der Migrationsberatung wird Diskriminierung bei der Wohnungssuche häufig berichtet. Neuzugewanderte konzentrieren sich zunehmend im Nordviertel und im Hafenviertel.",
    ),
  ),
  goal: doc(
    p(
      "Alle Menschen in Musterstadt haben Zugang zu angemessenem und bezahlbarem Wohnraum. Geflüchtete leben so kurz wie möglich in Gemeinschaftsunterkünften, und die Quartiere bleiben sozial gemischt und nachbarschaftlich lebendig.",
    ),
  ),
  subGoals: [
    "Die Verweildauer anerkannter Geflüchteter in Gemeinschaftsunterkünften sinkt auf unter zwölf Monate.",
    "Private Vermieterinnen und Vermieter sowie die Wohnungswirtschaft werden für die Vermietung an Neuzugewanderte gewonnen.",
    "Diskriminierung auf dem Wohnungsmarkt wird sichtbar gemacht und abgebaut.",
  ],
  measures: [
    {
      title: "Auszugsmanagement und Wohnraumvermittlung für Geflüchtete",
      description: doc(
        p(
          "Ein Team im Amt für Wohnungswesen unterstützt Bewohnerinnen und Bewohner der Gemeinschaftsunterkünfte bei der Wohnungssuche und vermittelt zwischen Mietinteressierten und Vermietern. Vermieter erhalten eine feste Ansprechperson, auch nach Einzug.",
        ),
        ul(
          "Mietführerschein-Kurse für Wohnungssuchende",
          "Kooperationsvereinbarung mit der Musterstädter Wohnungsbaugesellschaft mbH",
          "Schnelle Klärung der Kosten der Unterkunft mit dem Jobcenter",
        ),
      ),
      targetGroups: ["Geflüchtete in Gemeinschaftsunterkünften", "Vermieterinnen und Vermieter"],
      taskType: "mandatory",
      leadOffice: "Amt für Wohnungswesen (Amt 64)",
      partners: ["Sozialamt (Amt 50)", "Musterstädter Wohnungsbaugesellschaft mbH", "Haus- und Grundbesitzerverein Musterstadt e. V.", "Jobcenter Musterstadt"],
      status: "running",
      startDate: "2024-07-01",
      endDate: "2027-06-30",
      priority: "high",
      staffFte: "2.00",
      materialCostCents: 1_200_000,
      fundingLines: [{ source: "municipal", programme: "Haushalt Stadt Musterstadt – Unterbringung", amountCents: 15_800_000, until: null }],
      indicators: [
        { name: "Vermittelte Mietverhältnisse", kind: "output", unit: "Anzahl", baseline: "96", target: "180", dataSource: "Vermittlungsstatistik Amt 64", cadence: "jährlich" },
        { name: "Verweildauer anerkannter Geflüchteter in Gemeinschaftsunterkünften (Median)", kind: "outcome", unit: "Monate", baseline: "19", target: "12", dataSource: "Belegungsstatistik Sozialamt", cadence: "vierteljährlich" },
      ],
      subGoalIndexes: [0, 1],
    },
  ],
};

const participation: SeedField = {
  baseline: doc(
    p(
      "Der Integrationsrat der Stadt Musterstadt wurde im September 2025 gemeinsam mit dem Rat gewählt; die Wahlbeteiligung lag bei nur ",
      bold("11,3 %"),
      ". In der Stadt sind rund 70 Migrantenorganisationen aktiv, 14 davon im Forum der Migrantenorganisationen zusammengeschlossen. Die meisten arbeiten ausschließlich ehrenamtlich.",
    ),
    p(
      "Die Zahl der Einbürgerungen hat sich seit 2019 fast verdoppelt; die Bearbeitungsdauer liegt derzeit bei rund 14 Monaten. In der Stadtverwaltung haben nach der Beschäftigtenbefragung 2024 etwa 17 % der Beschäftigten eine Einwanderungsgeschichte.",
    ),
  ),
  goal: doc(
    p(
      "Menschen mit Einwanderungsgeschichte gestalten das politische, kulturelle und gesellschaftliche Leben in Musterstadt gleichberechtigt mit. Die Stadtverwaltung spiegelt die Vielfalt der Stadtgesellschaft wider.",
    ),
  ),
  subGoals: [
    "Die Wahlbeteiligung bei der Integrationsratswahl 2030 steigt auf mindestens 15 %.",
    "Migrantenorganisationen werden als Partner gestärkt und professionalisiert.",
    "Der Anteil der Beschäftigten mit Einwanderungsgeschichte in der Stadtverwaltung steigt, besonders bei den Auszubildenden.",
    "Einbürgerung wird aktiv beworben; Verfahren werden innerhalb von sechs Monaten abgeschlossen.",
  ],
  measures: [],
};

const health: SeedField = {
  baseline: doc(
    p(
      "Belastbare Daten zur gesundheitlichen Lage von Menschen mit Einwanderungsgeschichte liegen für Musterstadt bislang kaum vor. Bekannt sind ein hoher Bedarf an psychosozialer Versorgung Geflüchteter und fehlende Sprachmittlung in Arztpraxen. Das Gesundheitsamt (Amt 53) prüft die Einführung von Gesundheitslotsinnen und -lotsen nach dem MiMi-Ansatz.",
    ),
  ),
  goal: doc(p()),
  subGoals: [],
  measures: [],
};

const antidiscrimination: SeedField = {
  baseline: doc(
    p(
      "In der Bürgerbefragung 2024 gaben ",
      bold("29 %"),
      " der Befragten mit Einwanderungsgeschichte an, in den vergangenen zwölf Monaten in Musterstadt diskriminiert worden zu sein – am häufigsten bei der Wohnungssuche, in Behörden und am Arbeitsplatz.",
    ),
    p(
      "Eine unabhängige Antidiskriminierungsberatung gibt es in Musterstadt bislang nicht; Betroffene wenden sich an die Migrationsberatung oder an den Integrationsrat. Die Stadt hat 2023 die Charta der Vielfalt unterzeichnet.",
    ),
  ),
  goal: doc(
    p(
      "Musterstadt ist eine diskriminierungssensible Stadt: Betroffene finden niedrigschwellig kompetente Beratung, und die Stadtverwaltung erkennt und beseitigt Benachteiligungen in ihren eigenen Abläufen.",
    ),
  ),
  subGoals: [
    "Eine unabhängige Antidiskriminierungsberatung ist bis 2027 eingerichtet und in der Stadtgesellschaft bekannt.",
    "Alle Führungskräfte und Beschäftigten mit Publikumsverkehr haben an einer Fortbildung zu Diskriminierungssensibilität teilgenommen.",
  ],
  measures: [
    {
      title: "Servicestelle für Antidiskriminierungsarbeit",
      description: doc(
        p(
          "In Trägerschaft des Vereins Brückenschlag Musterstadt e. V. entsteht eine Servicestelle, die Betroffene berät und begleitet, Fälle dokumentiert und die Stadtverwaltung bei der diskriminierungskritischen Überprüfung ihrer Abläufe unterstützt.",
        ),
        ul(
          "Beratung in Deutsch, Arabisch, Türkisch und Ukrainisch",
          "Fortbildungsreihe „Vielfalt im Amt“ für Beschäftigte der Stadtverwaltung",
          "Jährlicher Bericht an den Integrationsrat",
        ),
      ),
      targetGroups: ["Von Diskriminierung Betroffene", "Beschäftigte der Stadtverwaltung"],
      taskType: "voluntary",
      leadOffice: KI,
      partners: ["Brückenschlag Musterstadt e. V.", "Integrationsrat", "Personal- und Organisationsamt (Amt 11)", "Gleichstellungsstelle der Stadt Musterstadt"],
      status: "planned",
      startDate: "2026-07-01",
      endDate: "2029-12-31",
      priority: "high",
      staffFte: "1.50",
      materialCostCents: 2_200_000,
      fundingLines: [
        { source: "state", programme: "Landesprogramm Servicestellen für Antidiskriminierungsarbeit NRW", amountCents: 9_000_000, until: "2029-12-31" },
        { source: "municipal", programme: "Haushalt Stadt Musterstadt", amountCents: 2_500_000, until: null },
        { source: "thirdParty", programme: "Bürgerstiftung Musterstadt", amountCents: 500_000, until: "2027-12-31" },
      ],
      indicators: [
        { name: "Beratungsfälle", kind: "output", unit: "Fälle", baseline: "0", target: "150", dataSource: "Falldokumentation Servicestelle", cadence: "jährlich" },
        { name: "Geschulte Beschäftigte der Stadtverwaltung", kind: "output", unit: "Personen", baseline: "85", target: "900", dataSource: "Fortbildungsstatistik Amt 11", cadence: "jährlich" },
        { name: "Anteil der Befragten, die eine Anlaufstelle bei Diskriminierung kennen", kind: "outcome", unit: "%", baseline: "18", target: "50", dataSource: "Bürgerbefragung", cadence: "alle zwei Jahre" },
      ],
      subGoalIndexes: [0, 1],
    },
  ],
};

// ---------------------------------------------------------------------------

export const musterstadtConcept: SeedConcept = {
  title: "Integrationskonzept der Stadt Musterstadt 2026–2030",
  settings: {
    validFrom: "2026-01-01",
    validUntil: "2030-12-31",
    wholeSociety: true,
    orgModel: "integration_centre",
    leadOffice: "Kommunales Integrationszentrum (Amt 52)",
    updateCycleYears: 5,
    updateOffice: "Kommunales Integrationszentrum",
  },
  chapters: {
    mandate,
    vision,
    baseline,
    governance,
    participation_process: participationProcess,
    funding,
    monitoring,
    update,
    demands,
  },
  fields: { language, work, education, housing, participation, health },
  customFields: [{ key: "antidiscrimination", title: "Antidiskriminierung", ...antidiscrimination }],
};

/**
 * The texts of the writing aids (see writing-aids.ts for keys and use): German
 * and English side by side, so that a change of one shows beside the other.
 */
import type { Locale } from "@/lib/i18n/config";
import type { WritingAid } from "./writing-aids";

export const AIDS: Record<string, Record<Locale, WritingAid>> = {
  "chapter:mandate": {
    de: {
      questions: [
        "Warum schreibt die Kommune jetzt ein Integrationskonzept oder schreibt es fort?",
        "Welcher Ratsbeschluss (Datum, Drucksachennummer) ist der Auftrag?",
        "Für welchen Zeitraum gilt das Konzept, und wer hat es erarbeitet?",
      ],
      expectations: [
        "Der Auftrag ist eindeutig belegt: Gremium, Datum und Drucksache.",
        "Der Geltungszeitraum passt zu Haushalt und Fortschreibungsturnus.",
        "Bezug zu Landesprogrammen oder früheren Konzepten wird genannt.",
      ],
      example:
        "Mit Beschluss vom 14. März 2025 (Drucksache 2025/0412) hat der Rat der Stadt die Verwaltung beauftragt, das Integrationskonzept von 2017 fortzuschreiben. Anlass sind die gestiegene Zuwanderung seit 2022 und die neuen Förderbedingungen des Landes. Das Konzept gilt von 2026 bis 2030; erarbeitet hat es die Stabsstelle Integration gemeinsam mit den Fachbereichen und dem Integrationsrat.",
    },
    en: {
      questions: [
        "Why is the municipality writing or updating an integration concept now?",
        "Which council decision (date, document number) is the mandate?",
        "For which period does the concept apply, and who drew it up?",
      ],
      expectations: [
        "The mandate is clearly documented: body, date and document number.",
        "The period of validity fits the budget and the update cycle.",
        "Links to state programmes or earlier concepts are named.",
      ],
      example:
        "By its decision of 14 March 2025 (document 2025/0412), the city council instructed the administration to update the integration concept of 2017. The reasons are the increased immigration since 2022 and the state's new funding conditions. The concept applies from 2026 to 2030; it was drawn up by the integration unit together with the departments and the integration council.",
    },
  },
  "chapter:vision": {
    de: {
      questions: [
        "Was versteht die Kommune unter Integration – eine Aufgabe der ganzen Stadtgesellschaft oder vor allem der Neuzugewanderten?",
        "Welche drei bis fünf Leitziele gelten für alle Handlungsfelder?",
        "Welche Werte (Teilhabe, Chancengleichheit, Antidiskriminierung) leiten das Handeln?",
      ],
      expectations: [
        "Ein kurzes, verständliches Leitbild, das der Rat sich zu eigen machen kann.",
        "Leitziele, auf die sich die Handlungsfelder später beziehen.",
        "Keine bloßen Absichtserklärungen ohne Bezug zum kommunalen Handeln.",
      ],
      example:
        "Integration verstehen wir als gemeinsame Aufgabe aller, die in unserer Stadt leben – der Zugewanderten wie der Aufnahmegesellschaft. Ziel ist die gleichberechtigte Teilhabe an Bildung, Arbeit, Wohnen und am gesellschaftlichen Leben. Die Stadtverwaltung öffnet dazu ihre eigenen Angebote interkulturell und tritt Diskriminierung entschieden entgegen.",
    },
    en: {
      questions: [
        "What does the municipality mean by integration – a task for the whole of society or mainly for newcomers?",
        "Which three to five guiding goals apply to all fields of action?",
        "Which values (participation, equal opportunities, anti-discrimination) guide its work?",
      ],
      expectations: [
        "A short, clear mission statement the council can adopt as its own.",
        "Guiding goals that the fields of action refer to later.",
        "No mere declarations of intent without a link to what the municipality does.",
      ],
      example:
        "We understand integration as a shared task for everyone living in our city – newcomers and the receiving society alike. The aim is equal participation in education, work, housing and community life. To this end, the city administration opens its own services to all cultures and firmly opposes discrimination.",
    },
  },
  "chapter:baseline": {
    de: {
      questions: [
        "Wie viele Menschen mit Einwanderungsgeschichte leben in der Kommune, und wie hat sich das entwickelt?",
        "Welche Herkunftsländer, Altersgruppen und Aufenthaltstitel prägen das Bild?",
        "Welche Angebote gibt es schon, und wo fehlen welche?",
      ],
      expectations: [
        "Belastbare Zahlen mit Quelle und Stichtag (z. B. Einwohnermeldeamt, Ausländerzentralregister, Bundesagentur für Arbeit).",
        "Eine kleine Tabelle der Kennzahlen statt langer Zahlenreihen im Text.",
        "Eine ehrliche Einschätzung von Lücken, aus der die Handlungsfelder folgen.",
      ],
      example:
        "Zum 31. Dezember 2024 lebten in der Stadt 18.420 Menschen ohne deutsche Staatsangehörigkeit (15,8 % der Bevölkerung, 2019: 12,1 %; Quelle: Einwohnermeldeamt). Die größten Gruppen kommen aus der Ukraine, Syrien und der Türkei. Integrationskurse sind zu rund 90 % ausgelastet; für Eltern mit kleinen Kindern fehlen Kurse mit Kinderbetreuung.",
    },
    en: {
      questions: [
        "How many people with a migration background live in the municipality, and how has this developed?",
        "Which countries of origin, age groups and residence titles shape the picture?",
        "Which services exist already, and where are gaps?",
      ],
      expectations: [
        "Reliable figures with source and reference date (e.g. residents' registration office, Central Register of Foreigners, Federal Employment Agency).",
        "A small table of key figures instead of long rows of numbers in the text.",
        "An honest assessment of gaps from which the fields of action follow.",
      ],
      example:
        "As of 31 December 2024, 18,420 people without German citizenship lived in the city (15.8 % of the population, 2019: 12.1 %; source: residents' registration office). The largest groups come from Ukraine, Syria and Turkey. Integration courses are about 90 % full; courses with childcare for parents of small children are missing.",
    },
  },
  "chapter:governance": {
    de: {
      questions: [
        "Welches Amt führt federführend, und wie ist es in der Verwaltung verankert (Stabsstelle, Integrationszentrum, Migrationsamt)?",
        "Welche Gremien steuern und begleiten das Konzept (Lenkungsgruppe, Integrationsrat, Ausschuss)?",
        "Wie sind Wohlfahrtsverbände, Migrantenorganisationen und Ehrenamt eingebunden?",
      ],
      expectations: [
        "Klare Zuständigkeiten: wer entscheidet, wer koordiniert, wer berichtet.",
        "Ausreichende Personalausstattung der Koordination (in VZÄ).",
        "Regelmäßige Abstimmung zwischen den Fachbereichen, mit Turnus.",
      ],
      example:
        "Federführend ist die Stabsstelle Integration im Dezernat für Soziales (2,5 VZÄ). Eine Lenkungsgruppe aus den Fachbereichsleitungen Soziales, Jugend, Schule und Ordnung tagt viermal im Jahr. Der Integrationsrat wird zu allen Maßnahmen gehört; das Netzwerk „Willkommen in der Stadt“ bündelt 34 Vereine und Initiativen.",
    },
    en: {
      questions: [
        "Which office leads, and where does it sit in the administration (staff unit, integration centre, migration office)?",
        "Which bodies steer and accompany the concept (steering group, integration council, committee)?",
        "How are welfare associations, migrant organisations and volunteers involved?",
      ],
      expectations: [
        "Clear responsibilities: who decides, who coordinates, who reports.",
        "Adequate staffing of the coordination (in full-time equivalents).",
        "Regular coordination between departments, with a fixed cycle.",
      ],
      example:
        "The integration unit in the social affairs department leads (2.5 FTE). A steering group of the heads of social affairs, youth, schools and public order meets four times a year. The integration council is consulted on all measures; the network “Welcome to the city” brings together 34 associations and initiatives.",
    },
  },
  "chapter:fields": {
    de: {
      questions: [
        "Welche Handlungsfelder braucht die Kommune über die sechs üblichen hinaus (z. B. Antidiskriminierung, Sport und Kultur)?",
        "Folgt jedes Handlungsfeld dem gleichen Aufbau: Ausgangslage, Leitziel, Teilziele, Maßnahmen?",
        "Passen die Ziele zum Leitbild und zur Ausgangslage?",
      ],
      expectations: [
        "Eine nachvollziehbare Kette von der Ausgangslage über die Ziele zu den Maßnahmen.",
        "Maßnahmen mit Federführung, Zeitraum, Kosten und Indikatoren, damit der Rat über sie beschließen kann.",
        "Lieber wenige umsetzbare Maßnahmen als lange Wunschlisten.",
      ],
      example:
        "Die sechs Handlungsfelder folgen einem gemeinsamen Aufbau: Auf die Ausgangslage folgen ein Leitziel, überprüfbare Teilziele und die Maßnahmen, mit denen die Stadt sie erreichen will. Zusätzlich hat die Stadt das Handlungsfeld „Antidiskriminierung“ aufgenommen, weil die Beratungsanfragen dazu seit 2022 deutlich gestiegen sind.",
    },
    en: {
      questions: [
        "Which fields of action does the municipality need beyond the usual six (e.g. anti-discrimination, sport and culture)?",
        "Does every field follow the same structure: baseline, guiding goal, sub-goals, measures?",
        "Do the goals fit the mission statement and the baseline?",
      ],
      expectations: [
        "A traceable chain from the baseline through the goals to the measures.",
        "Measures with lead office, period, costs and indicators, so that the council can decide on them.",
        "A few feasible measures rather than long wish lists.",
      ],
      example:
        "The six fields of action share one structure: the baseline is followed by a guiding goal, verifiable sub-goals and the measures by which the city intends to reach them. In addition, the city has added the field “anti-discrimination”, because requests for advice on it have risen markedly since 2022.",
    },
  },
  // The text introducing the chapter Handlungsfelder (template version 2).
  "part:fields/intro": {
    de: {
      questions: [
        "Welche Handlungsfelder hat das Konzept, und warum gerade diese?",
        "Wie hängen die Handlungsfelder zusammen (z. B. Sprache als Voraussetzung für Arbeit und Bildung)?",
        "Wie ist jedes Handlungsfeld aufgebaut, damit Leserinnen und Leser sich zurechtfinden?",
      ],
      expectations: [
        "Eine kurze Orientierung auf einer halben Seite, keine Wiederholung der Ausgangslage.",
        "Die Begründung für zusätzliche, eigene Handlungsfelder.",
      ],
      example:
        "Das Konzept ordnet die Ziele und Maßnahmen sieben Handlungsfeldern zu. Sprache steht am Anfang, weil sie Voraussetzung für Bildung, Arbeit und Teilhabe ist. Jedes Handlungsfeld beginnt mit der Ausgangslage, nennt ein Leitziel und überprüfbare Teilziele und beschreibt die Maßnahmen mit Federführung, Zeitraum und Kosten.",
    },
    en: {
      questions: [
        "Which fields of action does the concept have, and why these?",
        "How are the fields connected (e.g. language as a precondition for work and education)?",
        "How is each field structured, so that readers find their way?",
      ],
      expectations: [
        "A short orientation of half a page, not a repetition of the baseline.",
        "The reasons for additional fields of the municipality's own.",
      ],
      example:
        "The concept assigns its goals and measures to seven fields of action. Language comes first because it is a precondition for education, work and participation. Each field begins with the baseline, names a guiding goal and verifiable sub-goals, and describes the measures with lead office, period and costs.",
    },
  },
  "chapter:participation_process": {
    de: {
      questions: [
        "Wer war an der Erarbeitung beteiligt – Verwaltung, Träger, Migrantenorganisationen, Zugewanderte selbst?",
        "In welchen Formaten (Workshops, Online-Befragung, Fachforen) und wann?",
        "Was ist aus den Rückmeldungen geworden, und was wurde nicht übernommen (mit Grund)?",
      ],
      expectations: [
        "Ein nachvollziehbarer Prozess mit Zahlen (Termine, Teilnehmende).",
        "Sichtbar, dass Zugewanderte selbst beteiligt waren, nicht nur über sie gesprochen wurde.",
        "Transparenz über den Umgang mit Anregungen.",
      ],
      example:
        "Von Mai bis September 2025 fanden sechs Fachwerkstätten mit insgesamt 142 Teilnehmenden statt, davon zwei mehrsprachig in Kooperation mit Migrantenorganisationen. Eine Online-Befragung in fünf Sprachen beantworteten 612 Personen. Von 87 Anregungen wurden 61 in Maßnahmen übernommen; die übrigen betreffen Zuständigkeiten des Landes und finden sich in Kapitel 10.",
    },
    en: {
      questions: [
        "Who took part in drawing it up – administration, service providers, migrant organisations, newcomers themselves?",
        "In which formats (workshops, online survey, expert forums) and when?",
        "What became of the feedback, and what was not taken up (with reasons)?",
      ],
      expectations: [
        "A traceable process with figures (meetings, participants).",
        "Visible that newcomers took part themselves rather than being talked about.",
        "Transparency about how suggestions were handled.",
      ],
      example:
        "From May to September 2025, six workshops with a total of 142 participants took place, two of them multilingual in cooperation with migrant organisations. 612 people answered an online survey in five languages. Of 87 suggestions, 61 were taken up in measures; the rest concern responsibilities of the state and are listed in chapter 10.",
    },
  },
  "chapter:funding": {
    de: {
      questions: [
        "Welche Mittel bringt die Kommune selbst auf, welche kommen von Land, Bund, EU oder Dritten?",
        "Welche Förderungen laufen während der Geltungsdauer aus, und wie geht es danach weiter?",
        "Welche Maßnahmen stehen unter Haushaltsvorbehalt?",
      ],
      expectations: [
        "Eine ehrliche Gesamtsicht der Kosten pro Jahr, abgeleitet aus den Maßnahmen.",
        "Benannte Risiken: auslaufende Förderungen und Anschlussfinanzierung.",
        "Der Hinweis, was der Beschluss haushaltsrechtlich bedeutet.",
      ],
      example:
        "Die Maßnahmen kosten im Jahr 2026 rund 1,2 Mio. Euro, davon trägt die Stadt 480.000 Euro aus eigenen Mitteln. Die Förderung des Landesprogramms für das Integrationsmanagement endet 2027; für die Jahre danach schlägt die Verwaltung vor, zwei der vier Stellen in den Stellenplan zu übernehmen. Alle Maßnahmen stehen unter dem Vorbehalt der jährlichen Haushaltsberatungen.",
    },
    en: {
      questions: [
        "What does the municipality fund itself, and what comes from the state, the federal level, the EU or third parties?",
        "Which grants end during the period of validity, and what happens afterwards?",
        "Which measures are subject to the budget?",
      ],
      expectations: [
        "An honest overall view of the annual costs, derived from the measures.",
        "Named risks: grants running out and follow-up funding.",
        "A note on what the decision means for the budget.",
      ],
      example:
        "In 2026 the measures cost about EUR 1.2 million, of which the city bears EUR 480,000 from its own funds. State funding for integration management ends in 2027; for the following years the administration proposes to take two of the four posts into the staff plan. All measures are subject to the annual budget deliberations.",
    },
  },
  "chapter:monitoring": {
    de: {
      questions: [
        "Welche Kennzahlen beobachtet die Kommune, um die Entwicklung insgesamt zu verfolgen (Kontextmonitoring)?",
        "Wie wird geprüft, ob die eigenen Maßnahmen wirken (Controlling, Indikatoren)?",
        "Wann und in welcher Form wird dem Rat berichtet?",
      ],
      expectations: [
        "Die Trennung von Kontextmonitoring und Maßnahmencontrolling.",
        "Wenige, verfügbare Indikatoren mit Datenquelle.",
        "Ein fester Berichtsturnus an den Fachausschuss.",
      ],
      example:
        "Das Kontextmonitoring beobachtet jährlich zwölf Kennzahlen, unter anderem die Beschäftigungsquote und den Anteil der Kinder mit Sprachförderbedarf bei der Schuleingangsuntersuchung. Für jede Maßnahme sind Output- und Outcome-Indikatoren festgelegt. Die Stabsstelle legt dem Sozialausschuss jährlich im zweiten Quartal einen Sachstandsbericht vor.",
    },
    en: {
      questions: [
        "Which figures does the municipality watch to follow the overall development (context monitoring)?",
        "How is it checked whether its own measures work (controlling, indicators)?",
        "When and in what form does it report to the council?",
      ],
      expectations: [
        "A distinction between context monitoring and controlling of measures.",
        "A few available indicators with their data source.",
        "A fixed reporting cycle to the responsible committee.",
      ],
      example:
        "Context monitoring follows twelve key figures every year, among them the employment rate and the share of children needing language support at the school entry examination. Output and outcome indicators are set for each measure. The integration unit presents a progress report to the social affairs committee every year in the second quarter.",
    },
  },
  "chapter:update": {
    de: {
      questions: [
        "In welchem Turnus wird das Konzept fortgeschrieben?",
        "Wer ist für die Fortschreibung zuständig, und wer wird beteiligt?",
        "Was löst eine vorzeitige Fortschreibung aus (z. B. stark steigende Zuwanderung)?",
      ],
      expectations: [
        "Ein verbindlicher Turnus und eine zuständige Stelle.",
        "Die Verbindung zum Monitoring: Erkenntnisse fließen in die Fortschreibung ein.",
      ],
      example:
        "Das Konzept wird alle fünf Jahre fortgeschrieben, erstmals 2030. Zuständig ist die Stabsstelle Integration; die Lenkungsgruppe und der Integrationsrat werden beteiligt. Ändern sich die Rahmenbedingungen erheblich, schlägt die Verwaltung dem Rat eine vorzeitige Fortschreibung einzelner Handlungsfelder vor.",
    },
    en: {
      questions: [
        "How often is the concept updated?",
        "Who is responsible for the update, and who is involved?",
        "What triggers an early update (e.g. sharply rising immigration)?",
      ],
      expectations: [
        "A binding cycle and a responsible office.",
        "The link to monitoring: findings feed into the update.",
      ],
      example:
        "The concept is updated every five years, for the first time in 2030. The integration unit is responsible; the steering group and the integration council are involved. If the circumstances change considerably, the administration proposes to the council an early update of individual fields of action.",
    },
  },
  "chapter:demands": {
    de: {
      questions: [
        "Was kann die Kommune nicht selbst lösen, weil Land oder Bund zuständig sind?",
        "Welche Erfahrungen aus der Praxis belegen die Forderung?",
        "An wen genau richtet sich jede Forderung?",
      ],
      expectations: [
        "Konkrete, begründete Forderungen statt allgemeiner Appelle.",
        "Die Abgrenzung zu dem, was die Kommune selbst tut.",
      ],
      example:
        "Die Stadt fordert das Land auf, die Förderung des kommunalen Integrationsmanagements über 2027 hinaus zu verstetigen. Vom Bund erwartet sie, ausreichend Integrationskurse mit Kinderbetreuung zu finanzieren: Im Jahr 2024 warteten in der Stadt 230 Personen länger als drei Monate auf einen Kursplatz.",
    },
    en: {
      questions: [
        "What can the municipality not solve itself because the state or the federal level is responsible?",
        "Which experience from practice supports the demand?",
        "To whom exactly is each demand addressed?",
      ],
      expectations: [
        "Concrete, reasoned demands instead of general appeals.",
        "A clear line between these and what the municipality does itself.",
      ],
      example:
        "The city calls on the state to make the funding of municipal integration management permanent beyond 2027. It expects the federal government to fund enough integration courses with childcare: in 2024, 230 people in the city waited more than three months for a place.",
    },
  },
  "fieldPart:baseline": {
    de: {
      questions: [
        "Wie ist die Lage in diesem Handlungsfeld, in Zahlen und aus Sicht der Praxis?",
        "Welche Angebote gibt es schon, wer trägt sie, und wie sind sie ausgelastet?",
        "Wo liegen die größten Lücken?",
      ],
      expectations: [
        "Zahlen mit Quelle und Stichtag, bezogen auf das Handlungsfeld.",
        "Eine kurze Bestandsaufnahme der Angebote, aus der die Ziele folgen.",
      ],
      example:
        "In der Stadt bieten vier Träger Integrationskurse an; 2024 begannen 640 Personen einen Kurs. Die Wartezeit liegt im Mittel bei vier Monaten. Für Berufssprachkurse auf dem Niveau B2 gibt es nur einen Träger, Kurse in Teilzeit fehlen ganz.",
    },
    en: {
      questions: [
        "What is the situation in this field of action, in figures and from the practitioners' view?",
        "Which services exist already, who provides them, and how full are they?",
        "Where are the biggest gaps?",
      ],
      expectations: [
        "Figures with source and reference date for this field of action.",
        "A short inventory of services from which the goals follow.",
      ],
      example:
        "Four providers offer integration courses in the city; 640 people started a course in 2024. The average waiting time is four months. For job-related language courses at level B2 there is only one provider, and part-time courses are missing altogether.",
    },
  },
  "fieldPart:goal": {
    de: {
      questions: [
        "Welchen Zustand will die Kommune in diesem Handlungsfeld am Ende der Geltungsdauer erreicht haben?",
        "Wie zahlt das Leitziel auf das Leitbild ein?",
      ],
      expectations: [
        "Ein Satz oder zwei, positiv formuliert, als erreichter Zustand.",
        "Ehrgeizig, aber im Einflussbereich der Kommune.",
      ],
      example:
        "Alle Zugewanderten finden zeitnah ein Sprachangebot, das zu ihrer Lebenssituation passt, und können sich im Alltag und im Beruf sicher auf Deutsch verständigen.",
    },
    en: {
      questions: [
        "What state does the municipality want to have reached in this field by the end of the period?",
        "How does the guiding goal serve the mission statement?",
      ],
      expectations: [
        "One or two sentences, positively phrased, as a state reached.",
        "Ambitious, but within the municipality's reach.",
      ],
      example:
        "All newcomers find a language course that suits their circumstances without delay and can communicate confidently in German in everyday life and at work.",
    },
  },
  "fieldPart:subGoals": {
    de: {
      questions: [
        "Woran lässt sich ablesen, dass das Leitziel näher rückt?",
        "Bis wann soll welches Teilziel erreicht sein?",
      ],
      expectations: [
        "Drei bis fünf Teilziele je Handlungsfeld, überprüfbar (spezifisch, messbar, terminiert).",
        "Jede Maßnahme lässt sich mindestens einem Teilziel zuordnen.",
      ],
      example: "Bis Ende 2027 beträgt die Wartezeit auf einen Integrationskurs höchstens drei Monate.",
    },
    en: {
      questions: [
        "What shows that the guiding goal is coming closer?",
        "By when should each sub-goal be reached?",
      ],
      expectations: [
        "Three to five sub-goals per field of action, verifiable (specific, measurable, time-bound).",
        "Every measure belongs to at least one sub-goal.",
      ],
      example: "By the end of 2027, the waiting time for an integration course is at most three months.",
    },
  },
  "fieldPart:measures": {
    de: {
      questions: [
        "Was genau wird getan, von wem (Federführung, Partner) und für wen?",
        "Ist es eine Pflichtaufgabe oder eine freiwillige Leistung?",
        "Was kostet es pro Jahr, wie wird es finanziert, und woran misst man den Erfolg?",
      ],
      expectations: [
        "Jede Maßnahme mit Federführung, Zeitraum, Kosten, Finanzierung und mindestens einem Indikator.",
        "Der Bezug zu einem Teilziel.",
        "Realistische Vorhaben, deren Umsetzung der Rat verfolgen kann.",
      ],
      example:
        "Elternkurse an Grundschulen: Ab dem Schuljahr 2026/27 bietet die Volkshochschule an vier Grundschulen Deutschkurse für Eltern mit Kinderbetreuung an (federführend: Amt für Schule und Bildung; Kosten 38.000 Euro pro Jahr, davon 50 % Landesförderung; Indikator: 60 Teilnehmende pro Jahr).",
    },
    en: {
      questions: [
        "What exactly is done, by whom (lead office, partners) and for whom?",
        "Is it a mandatory task or a voluntary service?",
        "What does it cost per year, how is it funded, and how is success measured?",
      ],
      expectations: [
        "Every measure with lead office, period, costs, funding and at least one indicator.",
        "A link to a sub-goal.",
        "Realistic plans whose implementation the council can follow.",
      ],
      example:
        "Parent courses at primary schools: from the school year 2026/27, the adult education centre offers German courses with childcare for parents at four primary schools (lead: schools and education office; costs EUR 38,000 per year, 50 % state-funded; indicator: 60 participants per year).",
    },
  },
};

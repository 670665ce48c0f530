/** Demo entries of the peer measure library, shared by the (fictional) Landkreis Beispielkreis. No names of places or persons. */
export const DEMO_LIBRARY_ENTRIES = [
  {
    fieldKey: "language",
    title: "Sprachpatenschaften im ländlichen Raum",
    description: "Ehrenamtliche Sprachpatinnen und -paten treffen Neuzugewanderte wöchentlich in ihrem Wohnort. Die Koordination übernimmt das Integrationsbüro; Fahrtkosten werden erstattet.",
  },
  {
    fieldKey: "work",
    title: "Mobile Beratung zur Anerkennung von Berufsabschlüssen",
    description: "Eine Beraterin besucht im Wechsel die Rathäuser der kreisangehörigen Gemeinden und berät zu Anerkennung, Nachqualifizierung und Förderung.",
  },
  {
    fieldKey: "housing",
    title: "Wohnraumbörse mit Mietpatenschaften",
    description: "Vermieterinnen und Vermieter melden freien Wohnraum; Mietpatinnen und -paten begleiten das erste Jahr des Mietverhältnisses.",
  },
  {
    fieldKey: "health",
    title: "Dolmetscherpool für Arztbesuche",
    description: "Geschulte Sprachmittlerinnen und Sprachmittler begleiten zu Arztterminen; Abrechnung über einen Fonds des Kreises.",
  },
] as const;

import type { Locale } from "@/lib/i18n/config";

/**
 * The mails' wording, German and English, each as plain text and HTML. Only
 * facts the recipient needs and one link; the link is built by the caller from
 * APP_URL (lib/http/origin.ts), never from a request.
 */
export type MailContent = { subject: string; text: string; html: string };

const ROLE_NAMES: Record<Locale, Record<string, string>> = {
  de: { admin: "Leitung", editor: "Redaktion", reviewer: "Prüfung", viewer: "Lesezugriff" },
  en: { admin: "administrator", editor: "editor", reviewer: "reviewer", viewer: "read access" },
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function html(lang: Locale, paragraphs: string[], link: { url: string; label: string }, footer: string): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Konzeptwerk</title></head>
<body style="font-family: Arial, sans-serif; line-height: 1.5; color: #1a1a1a;">
${body}
<p><a href="${escapeHtml(link.url)}" style="display: inline-block; padding: .5em 1em; background: #0b5cad; color: #fff; text-decoration: none; border-radius: 4px;">${escapeHtml(link.label)}</a></p>
<p style="font-size: .9em; color: #555;">${escapeHtml(footer)}<br>${escapeHtml(link.url)}</p>
</body></html>`;
}

export function invitationMail(
  lang: Locale,
  { municipalityName, inviterName, role, url, days }: { municipalityName: string; inviterName: string; role: string; url: string; days: number },
): MailContent {
  const roleName = ROLE_NAMES[lang][role] ?? role;
  if (lang === "en") {
    const paragraphs = [
      "Hello,",
      `${inviterName} invites you to work on the integration concept of ${municipalityName} in Konzeptwerk (role: ${roleName}).`,
      `The link is valid for ${days} days and works once.`,
    ];
    const footer = "If the button does not work, copy this address into your browser:";
    return {
      subject: `Invitation to Konzeptwerk – ${municipalityName}`,
      text: `${paragraphs.join("\n\n")}\n\nAccept the invitation:\n${url}\n\nIf you did not expect this invitation, you can ignore this e-mail.\n`,
      html: html("en", [...paragraphs, "If you did not expect this invitation, you can ignore this e-mail."], { url, label: "Accept the invitation" }, footer),
    };
  }
  const paragraphs = [
    "Guten Tag,",
    `${inviterName} lädt Sie ein, in Konzeptwerk am Integrationskonzept von ${municipalityName} mitzuarbeiten (Rolle: ${roleName}).`,
    `Der Link ist ${days} Tage gültig und funktioniert einmal.`,
  ];
  const footer = "Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:";
  return {
    subject: `Einladung zu Konzeptwerk – ${municipalityName}`,
    text: `${paragraphs.join("\n\n")}\n\nEinladung annehmen:\n${url}\n\nWenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.\n`,
    html: html("de", [...paragraphs, "Wenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren."], { url, label: "Einladung annehmen" }, footer),
  };
}

export function passwordResetMail(lang: Locale, { url, minutes }: { url: string; minutes: number }): MailContent {
  if (lang === "en") {
    const paragraphs = [
      "Hello,",
      "someone asked to reset the password of your Konzeptwerk account. Choose a new password with this link.",
      `The link is valid for ${minutes} minutes and works once. If you did not ask for it, ignore this e-mail: your password stays as it is.`,
    ];
    return {
      subject: "Reset your Konzeptwerk password",
      text: `${paragraphs.join("\n\n")}\n\nChoose a new password:\n${url}\n`,
      html: html("en", paragraphs, { url, label: "Choose a new password" }, "If the button does not work, copy this address into your browser:"),
    };
  }
  const paragraphs = [
    "Guten Tag,",
    "für Ihren Zugang zu Konzeptwerk wurde ein neues Passwort angefordert. Über diesen Link legen Sie es fest.",
    `Der Link ist ${minutes} Minuten gültig und funktioniert einmal. Haben Sie nichts angefordert, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.`,
  ];
  return {
    subject: "Neues Passwort für Konzeptwerk",
    text: `${paragraphs.join("\n\n")}\n\nNeues Passwort festlegen:\n${url}\n`,
    html: html("de", paragraphs, { url, label: "Neues Passwort festlegen" }, "Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:"),
  };
}

const longDate: Record<Locale, Intl.DateTimeFormat> = {
  de: new Intl.DateTimeFormat("de-DE", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
};
/** A calendar date ("2026-12-04") as words; UTC, because it is a date and not a moment. */
const dueWords = (lang: Locale, date: string) => longDate[lang].format(new Date(`${date}T00:00:00Z`));
/** Titles and names typed by users go into the subject line on one line. */
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * Someone was @-mentioned in a comment. The comment itself stays in the app (a
 * mail leaves the municipality's systems): the mail says who, where, and links there.
 */
export function mentionMail(lang: Locale, { actorName, conceptTitle, url }: { actorName: string; conceptTitle: string; url: string }): MailContent {
  if (lang === "en") {
    const paragraphs = ["Hello,", `${actorName} mentioned you in a comment on “${conceptTitle}”.`, "Open the comment to read and answer it."];
    return {
      subject: oneLine(`${actorName} mentioned you – ${conceptTitle}`),
      text: `${paragraphs.join("\n\n")}\n\nOpen the comment:\n${url}\n`,
      html: html("en", paragraphs, { url, label: "Open the comment" }, "If the button does not work, copy this address into your browser:"),
    };
  }
  const paragraphs = ["Guten Tag,", `${actorName} hat Sie in einem Kommentar zu „${conceptTitle}“ erwähnt.`, "Öffnen Sie den Kommentar, um ihn zu lesen und zu beantworten."];
  return {
    subject: oneLine(`${actorName} hat Sie erwähnt – ${conceptTitle}`),
    text: `${paragraphs.join("\n\n")}\n\nKommentar öffnen:\n${url}\n`,
    html: html("de", paragraphs, { url, label: "Kommentar öffnen" }, "Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:"),
  };
}

/** A review round was started with the recipient as a reviewer. */
export function roundMail(
  lang: Locale,
  { actorName, conceptTitle, roundTitle, dueDate, url }: { actorName: string; conceptTitle: string; roundTitle: string; dueDate: string; url: string },
): MailContent {
  if (lang === "en") {
    const paragraphs = ["Hello,", `${actorName} asks you to review “${conceptTitle}” in the review round “${roundTitle}”.`, `Please answer by ${dueWords("en", dueDate)}.`];
    return {
      subject: oneLine(`Review requested by ${dueWords("en", dueDate)} – ${conceptTitle}`),
      text: `${paragraphs.join("\n\n")}\n\nOpen the review round:\n${url}\n`,
      html: html("en", paragraphs, { url, label: "Open the review round" }, "If the button does not work, copy this address into your browser:"),
    };
  }
  const paragraphs = ["Guten Tag,", `${actorName} bittet Sie, „${conceptTitle}“ in der Prüfrunde „${roundTitle}“ zu prüfen.`, `Bitte antworten Sie bis zum ${dueWords("de", dueDate)}.`];
  return {
    subject: oneLine(`Bitte um Prüfung bis ${dueWords("de", dueDate)} – ${conceptTitle}`),
    text: `${paragraphs.join("\n\n")}\n\nPrüfrunde öffnen:\n${url}\n`,
    html: html("de", paragraphs, { url, label: "Prüfrunde öffnen" }, "Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:"),
  };
}

/** A round the recipient has not fully answered is due soon. */
export function roundReminderMail(
  lang: Locale,
  { conceptTitle, roundTitle, dueDate, open, url }: { conceptTitle: string; roundTitle: string; dueDate: string; open: number; url: string },
): MailContent {
  if (lang === "en") {
    const paragraphs = [
      "Hello,",
      `the review round “${roundTitle}” on “${conceptTitle}” is due on ${dueWords("en", dueDate)}.`,
      `${open === 1 ? "One chapter or field of action still waits" : `${open} chapters or fields of action still wait`} for your answer.`,
    ];
    return {
      subject: oneLine(`Reminder: review due ${dueWords("en", dueDate)} – ${conceptTitle}`),
      text: `${paragraphs.join("\n\n")}\n\nOpen the review round:\n${url}\n`,
      html: html("en", paragraphs, { url, label: "Open the review round" }, "If the button does not work, copy this address into your browser:"),
    };
  }
  const paragraphs = [
    "Guten Tag,",
    `die Prüfrunde „${roundTitle}“ zu „${conceptTitle}“ ist am ${dueWords("de", dueDate)} fällig.`,
    `${open === 1 ? "Ein Kapitel oder Handlungsfeld wartet" : `${open} Kapitel oder Handlungsfelder warten`} noch auf Ihre Antwort.`,
  ];
  return {
    subject: oneLine(`Erinnerung: Prüfung fällig am ${dueWords("de", dueDate)} – ${conceptTitle}`),
    text: `${paragraphs.join("\n\n")}\n\nPrüfrunde öffnen:\n${url}\n`,
    html: html("de", paragraphs, { url, label: "Prüfrunde öffnen" }, "Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:"),
  };
}

export type DigestItem = { kind: string; actorName: string | null; conceptTitle: string };

const DIGEST_LINES: Record<Locale, (i: DigestItem) => string> = {
  de: (i) => {
    const who = i.actorName ?? "Jemand";
    const what =
      i.kind === "mention" ? `${who} hat Sie erwähnt` : i.kind === "round" ? `${who} bittet Sie um Prüfung` : i.kind === "reminder" ? "Erinnerung: Ihre Prüfrunde ist bald fällig" : `${who} hat in einem Ihrer Kommentare geantwortet`;
    return `• ${what} – ${i.conceptTitle}`;
  },
  en: (i) => {
    const who = i.actorName ?? "Someone";
    const what = i.kind === "mention" ? `${who} mentioned you` : i.kind === "round" ? `${who} asks you to review` : i.kind === "reminder" ? "Reminder: your review round is due soon" : `${who} replied in one of your threads`;
    return `• ${what} – ${i.conceptTitle}`;
  },
};

/** The daily summary of unread notifications (who, what kind, which concept; never a comment's text). */
export function digestMail(lang: Locale, { items, url }: { items: DigestItem[]; url: string }): MailContent {
  const lines = items.map(DIGEST_LINES[lang]);
  if (lang === "en") {
    const paragraphs = ["Hello,", `since your last summary, ${items.length === 1 ? "one notification has" : `${items.length} notifications have`} come in for you in Konzeptwerk:`, ...lines];
    return {
      subject: `Your Konzeptwerk summary: ${items.length === 1 ? "1 new notification" : `${items.length} new notifications`}`,
      text: `${paragraphs.join("\n\n")}\n\nOpen “For me”:\n${url}\n\nYou get this summary once a day; you can switch it off under “For me”.\n`,
      html: html("en", [...paragraphs, "You get this summary once a day; you can switch it off under “For me”."], { url, label: "Open “For me”" }, "If the button does not work, copy this address into your browser:"),
    };
  }
  const paragraphs = ["Guten Tag,", `seit Ihrer letzten Zusammenfassung ${items.length === 1 ? "ist eine Benachrichtigung" : `sind ${items.length} Benachrichtigungen`} in Konzeptwerk für Sie eingegangen:`, ...lines];
  return {
    subject: `Ihre Zusammenfassung aus Konzeptwerk: ${items.length === 1 ? "1 neue Benachrichtigung" : `${items.length} neue Benachrichtigungen`}`,
    text: `${paragraphs.join("\n\n")}\n\n„Für mich“ öffnen:\n${url}\n\nDiese Zusammenfassung kommt einmal täglich; abbestellen können Sie sie unter „Für mich“.\n`,
    html: html("de", [...paragraphs, "Diese Zusammenfassung kommt einmal täglich; abbestellen können Sie sie unter „Für mich“."], { url, label: "„Für mich“ öffnen" }, "Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:"),
  };
}

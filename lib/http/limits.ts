/**
 * The largest body a server action accepts. The largest legitimate one is the
 * import of a JSON backup (MAX_IMPORT_BYTES = 20 MB in lib/concepts/exchange.ts)
 * plus its multipart frame; every other action is far below (a rich-text
 * document is at most 512 KB, texts have their own limits in the schemas).
 * next.config.js sets the same number as `serverActions.bodySizeLimit`
 * (checked by limits.test.ts); proxy.ts answers a larger Content-Length with
 * 413 before the body is read.
 */
export const ACTION_BODY_LIMIT_MB = 21;
export const ACTION_BODY_LIMIT_BYTES = ACTION_BODY_LIMIT_MB * 1024 * 1024;

export const ACTION_TOO_LARGE_MESSAGE = `Die Anfrage ist zu groß (höchstens ${ACTION_BODY_LIMIT_MB} MB). Eine Sicherungsdatei darf höchstens 20 MB groß sein.`;

/**
 * A body of unknown length (Transfer-Encoding: chunked, no Content-Length)
 * cannot be refused before it is read: server actions (proxy.ts) and the
 * multipart import answer it with 411 and this message.
 */
export const LENGTH_REQUIRED_MESSAGE = "Die Anfrage muss ihre Länge angeben (Content-Length).";

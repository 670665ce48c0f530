/** A text file's content: UTF-8, without a byte-order mark. */
export const decodeText = (bytes: Uint8Array) => new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");

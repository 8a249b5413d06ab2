import { BINARY_MESSAGE, IMPORT_LIMITS, formatBytes, tooLargeMessage } from "./format";

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

/**
 * A file's bytes as text, in the browser before anything is sent: refuses a file over the size limit (without
 * reading it further) and binary data (an .xlsx is a zip); reads UTF-8 (with or without a byte-order mark), UTF-16
 * with its byte-order mark (Excel's "Unicode text"), and anything else as Windows-1252 (Excel's plain "CSV" on a
 * Western Windows). The server parses and checks the text again.
 */
export function decodeFile(bytes: Uint8Array): Decoded {
  if (bytes.length > IMPORT_LIMITS.bytes) return { ok: false, message: tooLargeMessage(bytes.length) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  if (bytes.includes(0)) return { ok: false, message: BINARY_MESSAGE };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: true, text: new TextDecoder("windows-1252").decode(bytes) };
  }
}

/**
 * A file chosen in the browser, as text for an import's preview: refused before it is read when it is over `maxBytes`
 * (`what` names the import: "an import", "an upload"), then decoded as above. Messages start with the file's name.
 */
export async function readChosenFile(file: File, maxBytes: number, what: string): Promise<Decoded> {
  if (file.size > maxBytes) {
    return {
      ok: false,
      message: `${file.name} is ${formatBytes(file.size)}: ${what} takes at most ${formatBytes(maxBytes)}. Split it into smaller files.`,
    };
  }
  const decoded = decodeFile(new Uint8Array(await file.arrayBuffer()));
  return decoded.ok ? decoded : { ok: false, message: `${file.name}: ${decoded.message}` };
}

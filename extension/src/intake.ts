// Reading a HAR file dropped on the panel: the same decision as `authlens analyze`. Text that is
// not a HAR document is refused with the engine's own words (`harError`, which reads it exactly
// as the CLI does); a HAR's entries are then analysed one by one, each read leniently by the
// engine (a field of an unexpected shape is left out and noted, as in the CLI).

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What a dropped file is: a HAR's entries, or why it is not one. */
export type HarIntake = { entries: unknown[]; creator: string | null } | { error: string };

/**
 * Read a dropped file's text. `harError` is the engine's: a message when the CLI would refuse the
 * text, `null` when it would read it.
 */
export function readHarText(text: string, harError: (text: string) => string | null): HarIntake {
  let doc: unknown;
  try {
    // Windows tools write HAR files with a byte order mark, which JSON.parse refuses.
    doc = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch {
    // Not JSON: the engine's message says where (line, column), without quoting the content.
    return { error: harError(text) ?? "this file is not JSON" };
  }
  const log = isRecord(doc) && isRecord(doc.log) ? doc.log : null;
  const entries = log ? log.entries : undefined;
  // The engine decides: a document it refuses (not a HAR, nested too deep to read) is refused
  // here too, so the panel and the CLI accept and refuse the same files.
  const refused = harError(text);
  if (refused !== null || !Array.isArray(entries)) {
    return { error: refused ?? "this is not a HAR file: it has no log.entries list" };
  }
  const creator = log && isRecord(log.creator) && typeof log.creator.name === "string" ? log.creator.name : null;
  return { entries, creator };
}

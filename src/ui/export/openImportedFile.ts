import { traceHash } from '../../sim/trace/canonical.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { importStatusOf, type ImportStatus } from './importStatus.ts';
import { parseImportedFile, TRACE_FILE_CHARS_MAX, tooLarge } from './parseImportedFile.ts';

/** The name the store gives a document opened from a file (the picker shows it as "Your scenario"). */
export const IMPORTED_ORIGIN = 'imported';

/**
 * Opens a file's text in the playground: parsed and validated, then the store's openDocument
 * (undoable). A trace file's scenario is run again and its hash compared with the recorded one.
 * Returns what to tell the user (also kept in the page's import status).
 */
export function openImportedText(store: PlaygroundStore, fileName: string, text: string): ImportStatus {
  const parsed = parseImportedFile(text);
  let status: ImportStatus;
  if (!parsed.ok) {
    status = { error: `${quoted(fileName)}: ${parsed.message}`, note: null };
  } else {
    const error = store.getState().openDocument(parsed.scenario, IMPORTED_ORIGIN);
    const run = store.getState().run;
    if (error !== null) status = { error: `${quoted(fileName)}: ${error}`, note: null };
    else if (parsed.traceHash === null || run === null) status = { error: null, note: `Opened ${quoted(fileName)}.` };
    else if (traceHash(run.trace) === parsed.traceHash) {
      status = { error: null, note: `Opened the scenario of ${quoted(fileName)}; its run here is the recorded trace, event for event.` };
    } else {
      status = {
        error: null,
        note: `Opened the scenario of ${quoted(fileName)}; its run here differs from the recorded trace (another version of the engine?).`,
      };
    }
  }
  importStatusOf(store).setState(status);
  return status;
}

/** Reads a chosen or dropped file and opens it; a file too large is refused before it is read. Never rejects. */
export async function openImportedFile(store: PlaygroundStore, file: File): Promise<ImportStatus> {
  if (file.size > TRACE_FILE_CHARS_MAX) {
    const status = { error: `${quoted(file.name)}: ${tooLarge(file.size)}`, note: null };
    importStatusOf(store).setState(status);
    return status;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    const status = {
      error: `${quoted(file.name)}: this file could not be read (${e instanceof Error ? e.message : 'unknown error'}).`,
      note: null,
    };
    importStatusOf(store).setState(status);
    return status;
  }
  return openImportedText(store, file.name, text);
}

function quoted(name: string): string {
  const shown = name.length > 60 ? `${name.slice(0, 57)}…` : name;
  return `“${shown}”`;
}

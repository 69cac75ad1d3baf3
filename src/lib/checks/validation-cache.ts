import { validateEntryFile, type EntryEnvironment, type EntryValidation } from './validate-entry.ts';

/** Checks one file of the glossary a pass was started on. */
export type EntryValidator = (file: { path: string; text: string }) => EntryValidation;

/**
 * Why a cache: the live preview re-checks the glossary on every save, and checking one file
 * (YAML, zod, the body's formulas and limits) costs about 0.2 ms, 2 s at 10,000 entries, for an
 * edit that changed one of them. A file's outcome depends on its text and on the site around it
 * (config, schema, public files); git dates are read again on every check, so files that took a
 * date from git are never kept.
 */
export interface ValidationCache {
  /** Starts a check of the whole glossary: the outcomes kept from the last one are reused. */
  begin(env: EntryEnvironment): EntryValidator;
  /** How many files the last pass checked again, and how many it took from the cache. */
  readonly stats: { checked: number; reused: number };
}

interface Kept {
  text: string;
  outcome: EntryValidation;
}

/** A cache for the validator's per-file step, to keep across checks of one glossary (see above). */
export function createValidationCache(): ValidationCache {
  // Only the last pass's files are kept, so a deleted or renamed file's outcome goes with it.
  let kept = new Map<string, Kept>();
  let environment: { schema: EntryEnvironment['schema']; key: string } | undefined;
  const stats = { checked: 0, reused: 0 };
  return {
    stats,
    begin(env) {
      const key = environmentKey(env);
      const previous = environment?.schema === env.schema && environment.key === key ? kept : new Map();
      environment = { schema: env.schema, key };
      kept = new Map();
      stats.checked = 0;
      stats.reused = 0;
      return (file) => {
        const seen = previous.get(file.path);
        if (seen && seen.text === file.text) {
          stats.reused++;
          kept.set(file.path, seen);
          return seen.outcome;
        }
        stats.checked++;
        const outcome = validateEntryFile(file, env);
        if (!outcome.usedGit) kept.set(file.path, { text: file.text, outcome });
        return outcome;
      };
    },
  };
}

/** Everything but the schema (compared by identity) that a file's outcome depends on. */
function environmentKey(env: EntryEnvironment): string {
  return `${JSON.stringify(env.site)}\n${[...(env.publicFiles ?? [])].join('\n')}`;
}

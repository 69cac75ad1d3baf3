/**
 * `npm run check:content [-- --site DIR] [--format json] [--strict] [--no-cache]`: validates every
 * entry without building HTML. Exits 1 when there are errors, or warnings with `--strict` or
 * `strict: true` in glossa.config.yaml (warnings alone exit 0 otherwise), 2 on bad arguments.
 * What each file's checks found, the body mentions behind the advice, a snapshot of the whole check
 * and the last report are kept between runs in node_modules/.astro/ (four files a glossary), so a
 * run after an edit reads only the edited files and redoes only what they can change, from the
 * snapshot (check-snapshot.ts, recheck-glossary.ts; the other two serve a run that checks in full),
 * and a run with nothing changed prints the last report again (stored-report.ts); `--no-cache`
 * checks and reads everything again and leaves the files alone. GLOSSA_CHECK_TRACE=1 says on
 * stderr which way a run went.
 */
import { readFileSync } from 'node:fs';
import module from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { glossaCodeDigest } from '../src/integration/code-digest.ts';
import { stampSite } from '../src/lib/checks/site-stamps.ts';
import {
  loadStoredReport,
  reportState,
  saveStoredReport,
  storedReportFile,
  type ReportOptions,
} from '../src/lib/checks/stored-report.ts';
import type { AmbiguousName as Ambiguous } from '../src/lib/autolink/name-index.ts';
import type { BodyMention as Mention } from '../src/lib/autolink/plan.ts';
import type { AdviceRecheck } from '../src/cli/recheck-advice.ts';
import type { AdviceFindings } from '../src/lib/autolink/editor-report.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: process.env['GLOSSA_SITE_DIR'] ?? '.' },
    format: { type: 'string', default: 'text' },
    strict: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
  },
});
if (values.format !== 'text' && values.format !== 'json') {
  process.stderr.write(`Unknown --format '${values.format}': use text or json.\n`);
  process.exit(2);
}

const siteDir = resolve(values.site);
// Beside Astro's own cache.
const cacheRoot = join(import.meta.dirname, '..', 'node_modules/.astro');
const options: ReportOptions = { format: values.format, strict: values.strict };
// Stamped before anything is read, so a file changed while the check runs is checked next time.
const stamps = new Map<string, string>();
const siteStamp = values['no-cache'] ? undefined : stampSite(siteDir, Date.now(), stamps);
// This script is code the report comes from too, and it lives outside src/.
const code = `${glossaCodeDigest()}:${readFileSync(import.meta.filename, 'utf8')}`;
const state = siteStamp && reportState(code, siteStamp);
const reportFile = storedReportFile(cacheRoot, siteDir);
const stored = state === undefined ? undefined : loadStoredReport(reportFile, state, options);
if (stored) {
  process.stdout.write(stored.output);
  process.exitCode = stored.exitCode;
} else {
  // Loaded only to check for real: the validator's and the advice's modules (zod, the YAML and
  // Markdown parsers) are a good part of a second to load, for a run that prints a kept report.
  // Node keeps what it compiled of them, types stripped, for the next run: stripping and
  // compiling them again was 0.3 of the 0.45 s they took to load (Node checks each against its
  // source, so an edited module is compiled afresh).
  module.enableCompileCache?.(join(cacheRoot, 'glossa-compile-cache'));
  const [
    { checkFails, checkSite, recheckSite, formatJsonReport, formatTextReport },
    adviceRecheck,
    advice,
    bodyMentions,
    mentions,
    snapshots,
    validations,
    config,
  ] = await Promise.all([
    import('../src/cli/check-site.ts'),
    import('../src/cli/recheck-advice.ts'),
    import('../src/lib/autolink/editor-report.ts'),
    import('../src/lib/autolink/body-mentions.ts'),
    import('../src/lib/autolink/mention-cache.ts'),
    import('../src/lib/checks/check-snapshot.ts'),
    import('../src/lib/checks/validation-cache.ts'),
    import('../src/lib/site/site-config.ts'),
  ]);
  // What the last run found, so this one redoes only what changed since (check-snapshot.ts).
  const snapshotFile = snapshots.checkSnapshotFile(cacheRoot, siteDir);
  const snapshotCode = reportState(code, 'snapshot');
  const snapshot = values['no-cache'] ? undefined : snapshots.loadCheckSnapshot(snapshotFile, snapshotCode);
  let fullCheck = snapshot ? '' : 'no snapshot of this code';
  const rechecked =
    snapshot && (await recheckSite(siteDir, snapshot, { stamps, onFullCheck: (why) => (fullCheck = why) }));
  // Which way the check went, for whoever measures it: stdout stays the report alone.
  if (process.env['GLOSSA_CHECK_TRACE'])
    process.stderr.write(
      rechecked
        ? `check:content: from the snapshot, ${rechecked.recheck.changes.length} entry files changed\n`
        : `check:content: in full (${fullCheck})\n`,
    );
  const validationCache =
    values['no-cache'] || rechecked
      ? undefined
      : validations.createValidationCache({
          file: {
            path: validations.validationCacheFile(cacheRoot, siteDir),
            code: validations.validationCodeDigest(),
          },
          stamps,
        });
  const check = rechecked ? rechecked.check : await checkSite(siteDir, { cache: validationCache });
  validationCache?.save();
  const strict = values.strict || check.strict;
  const validation = check.validation;
  const errors = check.problems.some((p) => p.severity === 'error');
  let output = '';
  // The body mentions behind the advice: found again from the snapshot's for a run that rechecks,
  // so the next one finds them there even when this one has errors and gives no advice.
  let found: { mentions: ReadonlyMap<string, Mention[]>; ambiguous: Ambiguous[] } | undefined;
  let byFile: ReadonlyMap<string, Mention[]> | undefined;
  let advised: AdviceRecheck | undefined;
  const published = validation?.terms.filter((t) => !t.draft) ?? [];
  if (validation && rechecked) {
    advised = adviceRecheck.recheckAdvice(
      published,
      rechecked.recheck,
      snapshot,
      config.loadSiteConfig(siteDir).locale,
    );
    found = advised;
    if (process.env['GLOSSA_CHECK_TRACE'])
      process.stderr.write(`check:content: ${advised.found} bodies read again for names\n`);
  } else if (
    validation &&
    ((values.format === 'text' && !errors) || (!values['no-cache'] && check.replayable))
  ) {
    const cacheFile = mentions.mentionCacheFile(cacheRoot, siteDir);
    const opened = values['no-cache']
      ? undefined
      : mentions.openMentionCache(cacheFile, mentions.mentionCodeDigest());
    // Bodies are keyed on the digests the validation cache worked out, not hashed a second time.
    const cache = opened && { get: opened.get, set: opened.set, digestOf: validationCache?.digestOf };
    found = bodyMentions.findBodyMentions(published, config.loadSiteConfig(siteDir).locale, cache);
    byFile = new Map(published.map((term) => [term.file, found?.mentions.get(term.slug) ?? []]));
    opened?.save();
  }
  // What the advice found, for the next snapshot: the last run's while they stand (kept-findings.ts).
  // Findings to be patched are kept only once patched, by the advice below.
  let findings: AdviceFindings | undefined =
    advised?.mentionChanges.length === 0 ? advised.findings : undefined;
  // Advice once the glossary is valid, before the report so its count stays the last line.
  if (validation && found && values.format === 'text' && !errors) {
    const site = config.loadSiteConfig(siteDir);
    const given = advice.keptAdvice(published, site, validation.positions, found, {
      postings: advised?.postings,
      findings: advised?.findings,
      mentionChanges: advised?.mentionChanges,
    });
    findings = given.findings;
    output += advice.formatEditorReport(given.problems);
  }
  if (process.env['GLOSSA_CHECK_TRACE'] && advised)
    process.stderr.write(
      `check:content: advice findings ${
        !advised.findings
          ? 'found again'
          : advised.mentionChanges.length > 0
            ? `patched for ${advised.mentionChanges.length} bodies`
            : 'kept'
      }\n`,
    );
  output += values.format === 'json' ? formatJsonReport(check) : formatTextReport(check, strict);
  const exitCode = checkFails(check, values.strict) ? 1 : 0;
  process.stdout.write(output);
  process.exitCode = exitCode;
  if (state !== undefined && check.replayable)
    saveStoredReport(reportFile, state, options, { output, exitCode });
  // Kept even when a file changed too recently to print this report again: it keeps no stamp for
  // that file (file-stamps.ts), which the next run checks again.
  if (!values['no-cache'] && check.replayable) {
    const entries = rechecked
      ? rechecked.recheck.entries
      : validationCache?.outcomes().map(({ source, outcome, stamp, digest, storable }) =>
          snapshots.snapshotEntryOf(source, outcome, {
            stamp,
            digest,
            storable,
            bodyMentions: outcome.term && !outcome.term.draft ? byFile?.get(source.path) : undefined,
          }),
        );
    const environment = check.environment;
    if (entries && environment !== undefined && validation) {
      const kept = advised?.keep(entries);
      snapshots.saveCheckSnapshot(
        snapshotFile,
        {
          code: snapshotCode,
          environment,
          entries,
          taxonomy: validation.taxonomy,
          ambiguous: found?.ambiguous,
          adviceWords: kept?.adviceWords,
          advice: findings,
          // A full check's too: the next run after it is the first an editor waits for.
          references: rechecked ? rechecked.recheck.references : validation.references,
          crossWarnings: rechecked ? rechecked.recheck.crossWarnings : validation.crossWarnings,
        },
        rechecked ? snapshot : undefined,
      );
    }
  }
}

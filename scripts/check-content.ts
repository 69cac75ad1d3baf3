/**
 * `npm run check:content [-- --site DIR] [--format json] [--strict] [--no-cache]`: validates every
 * entry without building HTML. Exits 1 when there are errors, or warnings with `--strict` or
 * `strict: true` in glossa.config.yaml (warnings alone exit 0 otherwise), 2 on bad arguments.
 * What each file's checks found, the body mentions behind the advice and the last report are kept
 * between runs in node_modules/.astro/ (three files a glossary), so a run after an edit checks
 * only what changed, and a run with nothing changed prints the last report again (stored-report.ts);
 * `--no-cache` checks and reads everything again and leaves the files alone.
 */
import { readFileSync } from 'node:fs';
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
const state =
  siteStamp && reportState(`${glossaCodeDigest()}:${readFileSync(import.meta.filename, 'utf8')}`, siteStamp);
const reportFile = storedReportFile(cacheRoot, siteDir);
const stored = state === undefined ? undefined : loadStoredReport(reportFile, state, options);
if (stored) {
  process.stdout.write(stored.output);
  process.exitCode = stored.exitCode;
} else {
  // Loaded only to check for real: the validator's and the advice's modules (zod, the YAML and
  // Markdown parsers) are a good part of a second to load, for a run that prints a kept report.
  const [
    { checkFails, checkSite, formatJsonReport, formatTextReport },
    advice,
    mentions,
    validations,
    config,
  ] = await Promise.all([
    import('../src/cli/check-site.ts'),
    import('../src/lib/autolink/editor-report.ts'),
    import('../src/lib/autolink/mention-cache.ts'),
    import('../src/lib/checks/validation-cache.ts'),
    import('../src/lib/site/site-config.ts'),
  ]);
  const validationCache = values['no-cache']
    ? undefined
    : validations.createValidationCache({
        file: {
          path: validations.validationCacheFile(cacheRoot, siteDir),
          code: validations.validationCodeDigest(),
        },
        stamps,
      });
  const check = await checkSite(siteDir, { cache: validationCache });
  validationCache?.save();
  const strict = values.strict || check.strict;
  let output = '';
  // Advice once the glossary is valid, before the report so its count stays the last line.
  if (values.format === 'text' && check.validation && !check.problems.some((p) => p.severity === 'error')) {
    const cacheFile = mentions.mentionCacheFile(cacheRoot, siteDir);
    const opened = values['no-cache']
      ? undefined
      : mentions.openMentionCache(cacheFile, mentions.mentionCodeDigest());
    // Bodies are keyed on the digests the validation cache worked out, not hashed a second time.
    const cache = opened && { get: opened.get, set: opened.set, digestOf: validationCache?.digestOf };
    output += advice.editorAdvice(check.validation, config.loadSiteConfig(siteDir), cache);
    opened?.save();
  }
  output += values.format === 'json' ? formatJsonReport(check) : formatTextReport(check, strict);
  const exitCode = checkFails(check, values.strict) ? 1 : 0;
  process.stdout.write(output);
  process.exitCode = exitCode;
  if (state !== undefined && check.replayable)
    saveStoredReport(reportFile, state, options, { output, exitCode });
}

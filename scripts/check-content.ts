/**
 * `npm run check:content [-- --site DIR] [--format json] [--strict] [--no-cache]`: validates every
 * entry without building HTML. Exits 1 when there are errors, or warnings with `--strict` or
 * `strict: true` in glossa.config.yaml (warnings alone exit 0 otherwise), 2 on bad arguments.
 * What each file's checks found and the body mentions behind the advice are kept between runs in
 * node_modules/.astro/ (two files a glossary), so a run after an edit checks only what changed;
 * `--no-cache` checks and reads everything again and leaves the files alone.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFails, checkSite, formatJsonReport, formatTextReport } from '../src/cli/check-site.ts';
import { editorAdvice } from '../src/lib/autolink/editor-report.ts';
import { mentionCacheFile, mentionCodeDigest, openMentionCache } from '../src/lib/autolink/mention-cache.ts';
import {
  createValidationCache,
  validationCacheFile,
  validationCodeDigest,
} from '../src/lib/checks/validation-cache.ts';
import { loadSiteConfig } from '../src/lib/site/site-config.ts';

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
const validationCache = values['no-cache']
  ? undefined
  : createValidationCache({
      file: { path: validationCacheFile(cacheRoot, siteDir), code: validationCodeDigest() },
    });
const check = await checkSite(siteDir, { cache: validationCache });
validationCache?.save();
const strict = values.strict || check.strict;
// Advice once the glossary is valid, before the report so its count stays the last line.
if (values.format === 'text' && check.validation && !check.problems.some((p) => p.severity === 'error')) {
  const cacheFile = mentionCacheFile(cacheRoot, siteDir);
  const opened = values['no-cache'] ? undefined : openMentionCache(cacheFile, mentionCodeDigest());
  // Bodies are keyed on the digests the validation cache worked out, not hashed a second time.
  const cache = opened && { get: opened.get, set: opened.set, digestOf: validationCache?.digestOf };
  process.stdout.write(editorAdvice(check.validation, loadSiteConfig(siteDir), cache));
  opened?.save();
}
process.stdout.write(values.format === 'json' ? formatJsonReport(check) : formatTextReport(check, strict));
process.exitCode = checkFails(check, values.strict) ? 1 : 0;

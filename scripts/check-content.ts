/**
 * `npm run check:content [-- --site DIR] [--format json] [--strict] [--no-cache]`: validates every
 * entry without building HTML. Exits 1 when there are errors, or warnings with `--strict` or
 * `strict: true` in glossa.config.yaml (warnings alone exit 0 otherwise), 2 on bad arguments.
 * The body mentions behind the advice are kept between runs in node_modules/.astro/ (one file a
 * glossary); `--no-cache` reads every body again and leaves the file alone.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFails, checkSite, formatJsonReport, formatTextReport } from '../src/cli/check-site.ts';
import { editorAdvice } from '../src/lib/autolink/editor-report.ts';
import { mentionCacheFile, mentionCodeDigest, openMentionCache } from '../src/lib/autolink/mention-cache.ts';
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
const check = await checkSite(siteDir);
const strict = values.strict || check.strict;
// Advice once the glossary is valid, before the report so its count stays the last line.
if (values.format === 'text' && check.validation && !check.problems.some((p) => p.severity === 'error')) {
  // Beside Astro's own cache.
  const cacheFile = mentionCacheFile(join(import.meta.dirname, '..', 'node_modules/.astro'), siteDir);
  const cache = values['no-cache'] ? undefined : openMentionCache(cacheFile, mentionCodeDigest());
  process.stdout.write(editorAdvice(check.validation, loadSiteConfig(siteDir), cache));
  cache?.save();
}
process.stdout.write(values.format === 'json' ? formatJsonReport(check) : formatTextReport(check, strict));
process.exitCode = checkFails(check, values.strict) ? 1 : 0;

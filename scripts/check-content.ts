/**
 * `npm run check:content [-- --site DIR] [--format json] [--strict]`: validates every entry
 * without building HTML. Exits 1 when there are errors, or warnings with `--strict` or
 * `strict: true` in glossa.config.yaml (warnings alone exit 0 otherwise), 2 on bad arguments.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFails, checkSite, formatJsonReport, formatTextReport } from '../src/cli/check-site.ts';
import { editorAdvice } from '../src/lib/autolink/editor-report.ts';
import { loadSiteConfig } from '../src/lib/site/site-config.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: process.env['GLOSSA_SITE_DIR'] ?? '.' },
    format: { type: 'string', default: 'text' },
    strict: { type: 'boolean', default: false },
  },
});
if (values.format !== 'text' && values.format !== 'json') {
  process.stderr.write(`Unknown --format '${values.format}': use text or json.\n`);
  process.exit(2);
}

const check = await checkSite(resolve(values.site));
const strict = values.strict || check.strict;
// Advice once the glossary is valid, before the report so its count stays the last line.
if (values.format === 'text' && check.validation && !check.problems.some((p) => p.severity === 'error'))
  process.stdout.write(editorAdvice(check.validation, loadSiteConfig(resolve(values.site))));
process.stdout.write(values.format === 'json' ? formatJsonReport(check) : formatTextReport(check, strict));
process.exitCode = checkFails(check, values.strict) ? 1 : 0;

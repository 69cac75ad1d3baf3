/**
 * `npm run new -- "Term title" --section definition [--slug NAME] [--date YYYY-MM-DD] [--site DIR]`:
 * creates `content/<section>/<slug>.md` from a filled-in template, the slug transliterated from
 * the title in any script unless --slug chooses it. Never overwrites a file; warns when
 * the title or slug looks like an existing entry. Exits 1 when it refuses, 2 on bad arguments.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSite } from '../src/cli/check-site.ts';
import { isEntryDate } from '../src/lib/entries/dates.ts';
import {
  findSimilarEntries,
  renderEntryTemplate,
  slugifyTitle,
  todayIn,
} from '../src/lib/entries/new-entry.ts';
import { loadSiteConfig } from '../src/lib/site/site-config.ts';
import { SLUG_PATTERN } from '../src/lib/entries/term-schema.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    section: { type: 'string' },
    date: { type: 'string' },
    slug: { type: 'string' },
    site: { type: 'string', default: process.env['GLOSSA_SITE_DIR'] ?? '.' },
  },
});
const fail = (message: string, code: number): never => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

const title = positionals.join(' ').trim();
const section = values.section ?? '';
if (!title || !section) fail('Usage: npm run new -- "Term title" --section definition', 2);
if (!SLUG_PATTERN.test(section))
  fail(`--section '${section}' must be lowercase kebab-case, e.g. definition`, 2);
if (values.date !== undefined && !isEntryDate(values.date))
  fail(`--date '${values.date}' must be YYYY-MM-DD`, 2);
if (values.slug !== undefined && !SLUG_PATTERN.test(values.slug)) {
  const hint = slugifyTitle(values.slug);
  fail(
    `--slug '${values.slug}' must be lowercase kebab-case ASCII${hint ? ` (did you mean '${hint}'?)` : ''}`,
    2,
  );
}
const slug = values.slug ?? slugifyTitle(title);
if (!slug) fail(`'${title}' has no letters or digits to make a file name from: choose one with --slug`, 2);

const siteDir = resolve(values.site);
const site = loadSiteConfig(siteDir);
const { validation, sources } = await checkSite(siteDir);
const taken = sources.find((file) => file.path.endsWith(`/${slug}.md`));
if (taken)
  fail(
    `${taken.path} already exists: open it to edit, or choose another title (slugs are unique across sections).`,
    1,
  );

const path = `content/${section}/${slug}.md`;
const absolute = join(siteDir, path);
if (existsSync(absolute)) fail(`${path} already exists.`, 1);
for (const note of findSimilarEntries(title, slug, validation?.terms ?? [])) {
  process.stderr.write(`warning: ${note}; is this the same term?\n`);
}
mkdirSync(join(siteDir, 'content', section), { recursive: true });
writeFileSync(
  absolute,
  renderEntryTemplate({
    title,
    published: values.date ?? todayIn(site.timezone),
    author: site.defaultAuthor,
  }),
  { flag: 'wx' },
);
process.stdout.write(`Created ${path} (a draft: delete "draft: true" to publish it).\n`);

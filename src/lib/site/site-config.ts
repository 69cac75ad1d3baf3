import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { controlCharacterMessage, findControlCharacter } from '../checks/control-characters.ts';
import { GlossaryError, type Problem } from '../checks/problems.ts';
import { didYouMean } from '../checks/suggest.ts';
import { DEFAULT_PART_SIZE } from '../search/index-parts.ts';

import { SITE_CONFIG_FILE } from './site-files.ts';

export { SITE_CONFIG_FILE };

/** Refuses control characters: the site's name and description go into every feed (XML). */
const withoutControls = (schema: z.ZodString) =>
  schema.check((ctx) => {
    const found = findControlCharacter(ctx.value);
    if (found) ctx.issues.push({ code: 'custom', input: ctx.value, message: controlCharacterMessage(found) });
  });

const HttpUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'must be an absolute http(s) URL such as https://example.org',
});

/** The values of `autolink` in the site configuration (see `SiteConfigSchema`). */
const AUTOLINK_POLICIES = ['page', 'section', 'paragraph', 'off'] as const;

/** The values of `mentions` in the site configuration (see `SiteConfigSchema`). */
const MENTION_SOURCES = ['body', 'explicit'] as const;

/** The error of a value outside `values`, suggesting the closest one when it looks like a typo. */
function oneOf(values: readonly string[]) {
  return (issue: { input?: unknown }) => {
    const hint = typeof issue.input === 'string' ? didYouMean(issue.input, values) : undefined;
    return `must be one of ${values.join(', ')}${hintSuffix(hint)}`;
  };
}

/** A person credited as the author of entries; structured data needs a URL for each. */
export const AuthorSchema = z.strictObject({
  /** Display name, e.g. "Ada Lovelace". */
  name: z.string().trim().min(1),
  /** A page about the author (profile, about page). */
  url: HttpUrlSchema,
});

/** Per-section settings; every field is optional because a label is derived from the folder name. */
export const SectionConfigSchema = z.strictObject({
  /** Singular label shown in breadcrumbs, e.g. "Definition". */
  label: z.string().trim().min(1).optional(),
  /** One sentence describing the section, shown on its index page. */
  description: z.string().trim().min(1).optional(),
});

/** The whole site configuration (`glossa.config.yaml`). */
export const SiteConfigSchema = z
  .strictObject({
    /** Site name, shown in the header and as the WebSite name. */
    name: withoutControls(z.string().trim().min(1)),
    /** One sentence describing the glossary (home page meta description, llms.txt). */
    description: withoutControls(z.string().trim().min(1)),
    /** Canonical origin the site is served from; every absolute URL is built from it. */
    // Stored without a trailing slash so paths can be appended as `${url}/path/`.
    // Checked before and after URL parsing, which silently drops newlines and tabs.
    url: z
      .string({ error: 'must be an absolute http(s) URL such as https://example.org' })
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .refine((raw) => !/[\s\u0000-\u001f\u007f]/.test(raw), {
        error: 'must not contain spaces, newlines or control characters',
      })
      .pipe(
        HttpUrlSchema.check((ctx) => {
          const problem = siteUrlProblem(ctx.value);
          if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: problem });
        }),
      )
      .transform((url) => url.replace(/\/+$/, '')),
    /** BCP 47 language tag of the content. */
    locale: z
      .string()
      // The pattern alone let through tags Intl refuses (a subtag over 8 characters), which then
      // failed the build in the A–Z collation without naming the field.
      .refine((tag) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(tag) && isLocale(tag), {
        error: 'must be a language tag such as en or en-GB',
      })
      .default('en'),
    /** Offset applied to date-only entry dates, e.g. "+01:00". */
    timezone: z
      .string()
      .regex(/^[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)$/, {
        error: 'must be an offset from -14:00 to +14:00 such as +00:00 or -05:00',
      })
      .default('+00:00'),
    /** The organization that publishes the glossary. */
    publisher: z.strictObject({
      name: z.string().trim().min(1),
      url: HttpUrlSchema,
      /** Path under public/ (e.g. /logo.svg) or absolute URL of the logo. */
      logo: z.string().trim().min(1),
    }),
    /** Authors by key; entries name one with `author: key`. */
    authors: z
      .record(z.string().regex(/^[a-z0-9-]+$/), AuthorSchema)
      .refine((a) => Object.keys(a).length > 0, {
        error: 'must list at least one author',
      }),
    /** Key of the author credited when an entry names none. */
    defaultAuthor: z.string().trim().min(1),
    /** Labels and descriptions per section folder. */
    sections: z.record(z.string(), SectionConfigSchema).default({}),
    /**
     * A staging or preview deployment: robots.txt disallows everything and every page carries
     * `noindex`, so a copy of the site never competes with the real one in search results.
     */
    staging: z.boolean({ error: 'must be true or false' }).default(false),
    /** Warnings (editorial advice) fail the build too, for teams whose CI should hold the line. */
    strict: z.boolean({ error: 'must be true or false' }).default(false),
    /**
     * Which mentions of other entries' names in a body become links: the first per `page`, per
     * `section` (between h2 headings), per `paragraph`, or none (`off`). Left out: `section`, or
     * `off` when `mentions` is `explicit` (no names are found to link).
     */
    autolink: z.enum(AUTOLINK_POLICIES, { error: oneOf(AUTOLINK_POLICIES) }).optional(),
    /**
     * Where a page's mentions come from: the front matter's `mentions`, then the entries its body
     * names or links (`body`), or the front matter alone (`explicit`), for glossaries whose prose
     * names everything (a migrated one, say). With `explicit` no body is searched for names, so
     * nothing is linked automatically, and only the editor's own body links count as links here.
     */
    mentions: z.enum(MENTION_SOURCES, { error: oneOf(MENTION_SOURCES) }).default('body'),
    /**
     * Which pages get a social card of their own, drawn at build time: every entry (`entry`), or
     * one card per section shared by its entries (`section`, the default: drawing 10,000 cards
     * takes minutes, see docs/editing.md), or none (`off`). The home page and the other listings
     * always share the site's card, unless `off`; an entry's own PNG, JPEG or WebP image wins.
     */
    socialCards: z
      .enum(['entry', 'section', 'off'], { error: 'must be one of entry, section, off' })
      .default('section'),
    /**
     * How many term pages go in one part of the search index (at most 16 parts): a rebuild indexes
     * again only the parts whose pages changed. Left out: 1,250.
     */
    searchPartSize: z
      .int({ error: 'must be a whole number' })
      .positive({ error: 'must be at least 1' })
      .default(DEFAULT_PART_SIZE),
    /** How many of the most recently published or updated entries each RSS feed lists. */
    feedSize: z
      .int({ error: 'must be a whole number' })
      .positive({ error: 'must be at least 1' })
      .default(50),
  })
  .check((ctx) => {
    const { authors, defaultAuthor, autolink, mentions } = ctx.value;
    // Links are made from the names found in bodies; `explicit` finds none, so a policy that
    // links would silently do nothing.
    if (mentions === 'explicit' && autolink !== undefined && autolink !== 'off') {
      ctx.issues.push({
        code: 'custom',
        input: autolink,
        path: ['autolink'],
        message: `'${autolink}' links names found in bodies, but mentions: explicit does not search bodies for names (remove autolink or set it to off, or set mentions: body)`,
      });
    }
    if (!Object.hasOwn(authors, defaultAuthor)) {
      ctx.issues.push({
        code: 'custom',
        input: defaultAuthor,
        path: ['defaultAuthor'],
        message: `names no author in authors${hintSuffix(didYouMean(defaultAuthor, Object.keys(authors)))}`,
      });
    }
  })
  .transform(({ autolink, ...config }) => ({
    ...config,
    autolink: autolink ?? (config.mentions === 'explicit' ? 'off' : 'section'),
  }));

/**
 * Why a string cannot be the site's canonical origin, if it cannot. Every page URL is built by
 * appending a path, so a query or fragment would sit in the middle of every URL, credentials
 * (`admin:secret@`) would be published on every page.
 */
function siteUrlProblem(raw: string): string | undefined {
  const url = new URL(raw);
  if (url.username || url.password) return 'must not contain a user name or password';
  if (raw.includes('?')) return 'must not have a query (?…): page paths are appended to it';
  if (raw.includes('#')) return 'must not have a fragment (#…): page paths are appended to it';
  return undefined;
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function hintSuffix(hint: string | undefined): string {
  return hint ? ` (${hint})` : '';
}

/** A validated site configuration with defaults filled in. */
export type SiteConfig = z.output<typeof SiteConfigSchema>;

/**
 * Validates raw configuration data. Throws a GlossaryError naming each bad field, so a typo in
 * the config is reported like a typo in an entry.
 */
export function parseSiteConfig(raw: unknown, file = SITE_CONFIG_FILE): SiteConfig {
  const result = SiteConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems: Problem[] = result.error.issues.map((issue) => ({
    file,
    field: issue.path.join('.') || '(file)',
    message: issue.message,
    severity: 'error',
  }));
  throw new GlossaryError(problems);
}

/** Reads and validates `glossa.config.yaml` from a site folder. */
export function loadSiteConfig(siteDir: string): SiteConfig {
  const path = join(siteDir, SITE_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new Error(`Cannot read the site configuration ${path}: create it (see README).`, { cause });
  }
  let raw: unknown;
  try {
    // maxAliasCount bounds an alias bomb; the parser then throws, and the file is named below.
    raw = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    const linePos = (error as { linePos?: [{ line: number; col: number }] }).linePos?.[0];
    throw new GlossaryError([
      {
        file: SITE_CONFIG_FILE,
        field: '(file)',
        message: `is not valid YAML: ${message.replace(/ at line \d+, column \d+.*$/, '')}`,
        severity: 'error',
        ...(linePos ? { line: linePos.line, column: linePos.col } : {}),
      },
    ]);
  }
  return parseSiteConfig(raw, SITE_CONFIG_FILE);
}

/**
 * The value a configuration record holds under `key`, or undefined. Own properties only: keys
 * come from editors, and `constructor`, `toString` or `__proto__` would otherwise find what every
 * object inherits (an entry once credited "Object" as its author).
 */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The label of a section: configured, or derived from its folder name ("market-data" → "Market Data"). */
export function sectionLabel(site: SiteConfig, section: string): string {
  return (
    ownEntry(site.sections, section)?.label ??
    section
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' ')
  );
}

/** The author with this key, falling back to the default author (validation rejects unknown keys). */
export function resolveAuthor(site: SiteConfig, key: string): { name: string; url: string } {
  const author = ownEntry(site.authors, key) ?? ownEntry(site.authors, site.defaultAuthor);
  if (!author) throw new Error(`Unknown author '${key}' and no default author`);
  return author;
}

import { z } from 'zod';
import { controlCharacterMessage, findControlCharacter } from '../checks/control-characters.ts';
import { isBefore, isEntryDate } from './dates.ts';

/**
 * The front matter of one glossary entry. Per-entry rules live here; rules that need the whole
 * glossary (does a referenced slug exist? is a slug unique?) live in `validate-glossary.ts`.
 */

/**
 * Summary length advice (warnings, see content-warnings.ts): long enough to define something,
 * short enough to read on a card.
 */
export const SUMMARY_MIN = 40;
export const SUMMARY_MAX = 200;
export const TITLE_MAX = 120;

/** Lowercase kebab-case ASCII: the only shape a slug may take. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const requiredText = (what: string) =>
  z.string({
    error: (issue) => (issue.input === undefined ? 'is required' : `must be ${what}`),
  });

/**
 * Refuses control characters in a one-line text (see control-characters.ts). Newlines are left
 * to the field's own rule where it has one (a summary's "one sentence" message says more).
 */
const withoutControls = <T extends z.ZodString>(schema: T, { newlines = false } = {}): T =>
  schema.check((ctx) => {
    const found = findControlCharacter(newlines ? ctx.value.replaceAll('\n', ' ') : ctx.value);
    if (found) ctx.issues.push({ code: 'custom', input: ctx.value, message: controlCharacterMessage(found) });
  });

/**
 * `aka:` with nothing after it is YAML's null: an editor (or an importer) left the list empty,
 * so it reads as an empty list rather than "must be a list".
 */
const emptyIsNone = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null ? undefined : value), schema);

const TextListSchema = z
  .array(
    withoutControls(
      z.string({ error: 'must be a list of text values' }).trim().min(1, { error: 'must not be empty' }),
    ),
    {
      error: 'must be a list, e.g. [first, second]',
    },
  )
  .default([]);

const SlugListSchema = z
  .array(
    z
      .string({ error: 'must be a slug (the file name of another entry, without .md)' })
      .regex(SLUG_PATTERN, { error: 'must be a lowercase kebab-case slug such as negative-gamma' }),
    { error: 'must be a list of slugs, e.g. [gamma, delta-hedging]' },
  )
  .default([]);

/** A date written as `YYYY-MM-DD` or an ISO 8601 date-time with offset. */
export const EntryDateSchema = requiredText('a date such as 2026-03-15').refine(isEntryDate, {
  // A value with a time part gets a hint about the time, since its day may well be right.
  error: (issue) =>
    typeof issue.input === 'string' && issue.input.includes('T')
      ? 'must be a real date and time with an offset, e.g. 2026-03-15T09:30:00+01:00 (hours 00–23, offsets up to ±14:00)'
      : 'must be a real date written as YYYY-MM-DD, e.g. 2026-03-15',
});

/** An illustration shown on the page, on cards and as the Article image. */
export const TermImageSchema = z.strictObject(
  {
    /**
     * Path under `public/` (starting with `/`) or an absolute https URL. A relative path would
     * resolve against each page that shows the image (the term page, every card), so it is refused.
     */
    src: requiredText('a path such as /images/gamma.svg')
      .min(1, { error: 'must not be empty' })
      .refine((src) => /^\/(?!\/)\S*$/.test(src) || /^https:\/\/[^\s/]+\S*$/.test(src), {
        error: 'must be a path under public/ starting with / (e.g. /images/gamma.svg) or an https:// URL',
      }),
    /** What the picture shows, for readers who cannot see it. Required: an image without alt text is a defect. */
    alt: withoutControls(
      requiredText('text describing the image').trim().min(1, { error: 'must describe the image' }),
    ),
  },
  { error: 'must be an object with src and alt' },
);

/** The fields an editor writes at the top of `content/<section>/<slug>.md`. */
export const TermFrontMatterSchema = z
  .strictObject({
    /** The term as readers search for it, e.g. "Negative Gamma". */
    title: withoutControls(
      requiredText('text')
        .trim()
        .min(1, { error: 'must not be empty' })
        .max(TITLE_MAX, { error: `must be at most ${TITLE_MAX} characters` }),
    ),
    /**
     * One sentence that defines the term on its own. Used for the meta description, cards,
     * Glossary lines and the JSON-LD description. Optional: without it the body's first sentence
     * (or its text up to `<!--more-->`) is the summary, filled in by the validator.
     */
    summary: withoutControls(requiredText('one sentence of text'), { newlines: true })
      // A folded YAML block keeps its line breaks; a meta description or a card has none.
      .transform((text) => text.replace(/\s+/g, ' ').trim())
      .pipe(z.string().min(1, { error: 'must not be empty' }))
      .optional(),
    /** Label shown before the summary, as in "Mechanism ⎊ …". */
    keyword: withoutControls(
      z
        .string({ error: 'must be text' })
        .trim()
        .min(1, { error: 'must not be empty' })
        .max(40, { error: 'must be at most 40 characters' }),
    ).default('Meaning'),
    /**
     * First publication date. Optional in a git repository: the first commit of the file gives
     * it (and its last commit `updated`), filled in by the validator (see git-dates.ts).
     */
    published: EntryDateSchema.optional(),
    /** Last meaningful revision; must not be before `published`. */
    updated: EntryDateSchema.optional(),
    /** Key of an author in the site configuration; defaults to the site's default author. */
    author: z
      .string({ error: 'must be the key of an author in glossa.config.yaml' })
      .trim()
      .min(1)
      .optional(),
    /** Broad groupings shown on the page, each with its own listing page. */
    categories: emptyIsNone(TextListSchema),
    /** Finer keywords, each with its own listing page. */
    tags: emptyIsNone(TextListSchema),
    /** Synonyms and abbreviations ("also known as"), e.g. [IV]. */
    aka: emptyIsNone(TextListSchema),
    /** Slugs of entries (any section) a reader should read next; shown as Related links. */
    related: emptyIsNone(SlugListSchema),
    /** Slugs of entries listed in the page's Glossary section. */
    mentions: emptyIsNone(SlugListSchema),
    /** Optional illustration. */
    image: TermImageSchema.optional(),
    /**
     * Old addresses of this entry: a slug in the same section (`old-slug`) or a site path
     * (`/old/path/`). Each gets a static redirect page, so a renamed entry keeps its links.
     */
    redirectFrom: z
      .array(
        z
          .string({ error: 'must be an old slug or a path such as /old/path/' })
          .trim()
          .refine((value) => SLUG_PATTERN.test(value) || /^\/(?!\/)[^\s?#]*$/.test(value), {
            error: 'must be an old slug such as old-name or a site path starting with / such as /old/path/',
          }),
        { error: 'must be a list, e.g. [old-name, /old/path/]' },
      )
      .default([]),
    /** Listed on the home page under "Featured", in title order. */
    featured: z.boolean({ error: 'must be true or false' }).default(false),
    /** `false` keeps this entry's body free of automatic links to other entries. */
    autolink: z.boolean({ error: 'must be true or false' }).default(true),
    /** Drafts are shown in `npm run dev` but never published. */
    draft: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .check((ctx) => {
    const { published, updated } = ctx.value;
    if (
      updated !== undefined &&
      published !== undefined &&
      isEntryDate(published) &&
      isEntryDate(updated) &&
      isBefore(updated, published)
    ) {
      ctx.issues.push({
        code: 'custom',
        input: updated,
        path: ['updated'],
        message: `must not be before published (${published})`,
      });
    }
  });

/** Front matter as written, before defaults. */
export type TermFrontMatterInput = z.input<typeof TermFrontMatterSchema>;
/** Front matter after validation, with every default filled in. */
export type TermFrontMatter = z.output<typeof TermFrontMatterSchema>;

/** The names of every field an editor may write, for "did you mean" hints on unknown fields. */
export const TERM_FIELDS = Object.keys(TermFrontMatterSchema.shape);

/**
 * The fields a site declares beside Glossa's own, as a zod object (see schema-extension.ts), e.g.
 * `z.object({ difficulty: z.enum(['basic', 'advanced']).optional() })`.
 */
export type TermSchemaExtension = z.ZodObject;

/** Names a declared field cannot take: Glossa's own fields and what it adds to every entry. */
const RESERVED_FIELDS = new Set([...TERM_FIELDS, 'slug', 'section', 'file', 'body', 'filled', 'fields']);

const extended = new WeakMap<TermSchemaExtension, { schema: z.ZodType; fields: string[]; own: string[] }>();

/**
 * The entry schema with a site's declared fields added: the same strict object, so a misspelt
 * field is still an error with "did you mean", now also among the declared names. Throws when a
 * declared field would replace one of Glossa's, since the pages rely on those.
 */
export function extendTermSchema(extension: TermSchemaExtension): {
  schema: z.ZodType;
  /** Every field an editor may write, Glossa's and the site's. */
  fields: string[];
  /** The site's declared fields. */
  own: string[];
} {
  const cached = extended.get(extension);
  if (cached) return cached;
  const own = Object.keys(extension.shape);
  const taken = own.filter((name) => RESERVED_FIELDS.has(name));
  if (taken.length > 0) {
    throw new Error(
      `glossa.schema.ts declares ${taken.map((name) => `'${name}'`).join(', ')}, which Glossa already defines: rename ${taken.length === 1 ? 'it' : 'them'} (e.g. 'site${taken[0]?.charAt(0).toUpperCase()}${taken[0]?.slice(1)}')`,
    );
  }
  // safeExtend: the base schema has a check (updated after published), which .extend refuses.
  const result = {
    schema: TermFrontMatterSchema.safeExtend(extension.shape),
    fields: [...TERM_FIELDS, ...own],
    own,
  };
  extended.set(extension, result);
  return result;
}

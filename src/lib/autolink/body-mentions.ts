import { createHash } from 'node:crypto';
import type { Root } from 'hast';
import { markdownToHast } from 'satteri';
import { checkBodyLimits } from '../markdown/body-limits.ts';
import { MATH_FEATURES } from '../markdown/formulas.ts';
import type { Term } from '../entries/term.ts';
import type { AmbiguousName } from './name-index.ts';
import { autolinkOptionsFor, buildAutolinkSite, type AutolinkSite } from './autolink-site.ts';
import { NO_CONTEXT, type MentionCache } from './mention-cache.ts';
import { planAutolinks, type BodyMention } from './plan.ts';

/**
 * The entries each body mentions, read from the Markdown without building the site (for
 * `check:content`): the same rules as the build's autolink plugin, on Sätteri's tree of the body.
 * Formulas and raw HTML are not expanded here, and neither holds a name the build would link.
 * The mentions come without their words (`context` is `NO_CONTEXT`, from the cache or not): the
 * advice counts mentions and never shows a backlink.
 *
 * With a `cache`, a body whose mentions were found before under the same names is not read again:
 * its key holds the digest of the glossary's names and addresses (the autolink site's
 * fingerprint), the entry's slug and the digest of its file's text when the cache knows one (the
 * file ends with the body), else the body's own digest, so an edit to any name starts every body
 * afresh. The file's digest goes into the key as it is: hashing 100,000 keys again cost 0.3 s.
 */
export function findBodyMentions(
  terms: readonly Term[],
  locale: string,
  cache?: MentionCache,
): { mentions: Map<string, BodyMention[]>; ambiguous: AmbiguousName[] } {
  const published = terms.filter((t) => !t.draft);
  const site = buildAutolinkSite(published, { root: '/', locale, policy: 'off' });
  const names = cache ? createHash('sha256').update(site.fingerprint).digest('hex') : '';
  const mentions = new Map(
    published.map((term) => {
      const key = cache ? bodyKey(cache, names, term) : '';
      const known = cache?.get(key);
      if (known) return [term.slug, known];
      const found = mentionsOfBody(term, site);
      cache?.set(key, found);
      return [term.slug, found];
    }),
  );
  return { mentions, ambiguous: site.index.ambiguous };
}

/** A body's key in the cache; a file digest and a body are told apart, so neither passes for the other. */
function bodyKey(cache: MentionCache, names: string, term: Term): string {
  const file = cache.digestOf?.(term.file);
  if (file !== undefined) return `${names}\0${term.slug}\0file\0${file}`;
  const body = createHash('sha256').update(term.body).digest('hex');
  return `${names}\0${term.slug}\0body\0${body}`;
}

/**
 * The entries one body mentions under the names and addresses of `site`, without their words
 * (see `findBodyMentions`): what check:content keeps of each body between runs (recheck-glossary.ts).
 */
export function mentionsOfBody(term: Pick<Term, 'slug' | 'body'>, site: AutolinkSite): BodyMention[] {
  // A body over the limits is an error that no page is built from, and it is never parsed: one
  // of them made Sätteri give up with a string over V8's limit and check:content print nothing.
  if (checkBodyLimits(term.body).length > 0) return [];
  const tree = markdownToHast(term.body, { features: MATH_FEATURES, position: false }) as Root;
  const options = { ...autolinkOptionsFor(site, term.slug, false), sentences: false };
  return planAutolinks(tree, options).mentions.map(({ slug, via }) => ({ slug, via, context: NO_CONTEXT }));
}

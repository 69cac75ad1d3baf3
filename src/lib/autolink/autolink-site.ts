import { pathUnder, termPath } from '../site/urls.ts';
import { buildNameIndex, type NameIndex } from './name-index.ts';
import type { AutolinkOptions, AutolinkPolicy } from './plan.ts';

/**
 * What a build does with the names in bodies: find them and link them under an autolink policy
 * (`off` finds them without linking), or, with `explicit`, not look for them at all: the site's
 * `mentions: explicit`, where only the front matter says what a page mentions.
 */
export type BodyNames = AutolinkPolicy | 'explicit';

/** The `BodyNames` of a site configuration: `explicit` mentions override the autolink policy. */
export function bodyNamesOf(site: { autolink: AutolinkPolicy; mentions: 'body' | 'explicit' }): BodyNames {
  return site.mentions === 'explicit' ? 'explicit' : site.autolink;
}

/** What automatic linking needs to know about an entry. */
export interface LinkableEntry {
  slug: string;
  section: string;
  title: string;
  aka: readonly string[];
}

/** Everything automatic linking needs about a glossary, built once per build. */
export interface AutolinkSite {
  index: NameIndex;
  policy: AutolinkPolicy;
  /**
   * Whether bodies are searched for names at all (not with `explicit`): when not, the build only
   * notes the editor's links to other entries, and neither the name index nor sentences are used.
   */
  findsNames: boolean;
  locale: string;
  hrefOf(slug: string): string | undefined;
  slugOfHref(href: string): string | undefined;
  /** Changes whenever any name, address or the policy changes, so cached renders can be reused only when it is the same. */
  fingerprint: string;
}

/**
 * Indexes the names of the published entries (drafts are never a link target) and their
 * addresses under `root`, as the body prints them after `prefixSitePaths`.
 */
export function buildAutolinkSite(
  entries: readonly LinkableEntry[],
  options: { root: string; locale: string; policy: BodyNames },
): AutolinkSite {
  const findsNames = options.policy !== 'explicit';
  const policy = options.policy === 'explicit' ? 'off' : options.policy;
  const hrefs = new Map(entries.map((e) => [e.slug, pathUnder(options.root, termPath(e))]));
  const slugs = new Map([...hrefs].map(([slug, href]) => [href, slug]));
  return {
    // Nothing reads the index when no body is searched: not built, it costs nothing either.
    index: buildNameIndex(findsNames ? entries : [], { locale: options.locale }),
    policy,
    findsNames,
    locale: options.locale,
    hrefOf: (slug) => hrefs.get(slug),
    // An editor may write the path without its trailing slash or with a #fragment.
    slugOfHref: (href) => {
      const path = href.replace(/[?#].*$/su, '');
      return slugs.get(path.endsWith('/') ? path : `${path}/`);
    },
    fingerprint: [
      options.policy,
      options.root,
      options.locale,
      ...entries.map((e) => `${e.slug}\u0001${e.section}\u0001${e.title}\u0001${e.aka.join('\u0002')}`),
    ].join('\n'),
  };
}

/** The options of `planAutolinks` for one entry of the site. */
export function autolinkOptionsFor(site: AutolinkSite, self: string, linksEnabled: boolean): AutolinkOptions {
  return { ...site, self, policy: linksEnabled ? site.policy : 'off' };
}

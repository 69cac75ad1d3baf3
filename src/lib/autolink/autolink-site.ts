import { pathUnder, termPath } from '../site/urls.ts';
import { buildNameIndex, type NameIndex } from './name-index.ts';
import type { AutolinkOptions, AutolinkPolicy } from './plan.ts';

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
  options: { root: string; locale: string; policy: AutolinkPolicy },
): AutolinkSite {
  const hrefs = new Map(entries.map((e) => [e.slug, pathUnder(options.root, termPath(e))]));
  const slugs = new Map([...hrefs].map(([slug, href]) => [href, slug]));
  return {
    index: buildNameIndex(entries, { locale: options.locale }),
    policy: options.policy,
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

import { buildGlossary, type Glossary } from '../../src/lib/graph/glossary-graph.ts';
import { parseSiteConfig, type SiteConfig } from '../../src/lib/site/site-config.ts';
import { validateGlossary } from '../../src/lib/checks/validate-glossary.ts';
import { testSiteInput } from './test-site.ts';

/** A small site configuration for unit tests; `overrides` replace top-level fields. */
export function sampleSite(overrides: Record<string, unknown> = {}): SiteConfig {
  return parseSiteConfig({ ...testSiteInput, ...overrides });
}

/** One entry file: `content/<section>/<slug>.md` with the given front matter lines and body. */
export interface SampleEntry {
  path: string;
  fields: string;
  body?: string;
}

/**
 * Validates sample entries exactly as the loader does and builds the published glossary
 * (drafts left out), failing loudly if a sample is invalid.
 */
export function sampleGlossary(site: SiteConfig, entries: readonly SampleEntry[]): Glossary {
  const { terms, problems } = validateGlossary(
    entries.map((e) => ({ path: e.path, text: `---\n${e.fields}\n---\n\n${e.body ?? 'Body text.'}\n` })),
    site,
  );
  if (problems.length > 0) throw new Error(JSON.stringify(problems, null, 2));
  return buildGlossary(
    terms.filter((t) => !t.draft),
    site,
  );
}

/** Front matter for a valid entry: title, a summary derived from it, and a publication date. */
export function fields(title: string, published: string, extra = ''): string {
  return `title: ${JSON.stringify(title)}\nsummary: ${JSON.stringify(`${title} is an entry used only in these unit tests of outputs.`)}\npublished: ${published}${extra ? `\n${extra}` : ''}`;
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findContentWarnings } from '../../src/lib/checks/content-warnings.ts';
import { buildGlossary } from '../../src/lib/graph/glossary-graph.ts';
import { formatProblem } from '../../src/lib/checks/problems.ts';
import { readSourceFiles } from '../../src/lib/entries/read-glossary.ts';
import { loadSiteConfig } from '../../src/lib/site/site-config.ts';
import { validateGlossary, type SourceFile } from '../../src/lib/checks/validate-glossary.ts';
import { clicksFrom, findAkaCollisions } from '../support/content-checks.ts';
import { testSite } from '../support/test-site.ts';

// The example glossary at the repository root, exactly as the production build reads it.
const siteDir = '.';
const site = loadSiteConfig(siteDir);
const { terms, problems, positions } = validateGlossary(await readSourceFiles(siteDir), site);
const glossary = buildGlossary(
  terms.filter((t) => !t.draft),
  site,
);

describe('the example glossary', () => {
  it('validates with no problems and has at least 60 published entries', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(glossary.terms.length).toBeGreaterThanOrEqual(60);
  });

  it('has no editorial warning: no orphan, no entry without related terms, no empty summary', () => {
    // The product's own rules, exactly as check:content applies them.
    expect(findContentWarnings(terms, positions).map(formatProblem)).toEqual([]);
  });

  it('never uses another entry’s title as an aka', () => {
    expect(findAkaCollisions(glossary)).toEqual([]);
  });

  it('reaches every entry from Negative Gamma in at most three clicks', () => {
    const clicks = clicksFrom(glossary, 'negative-gamma');
    const far = glossary.terms
      .filter((t) => (clicks.get(t.slug) ?? Infinity) > 3)
      .map((t) => `${t.file}: ${clicks.get(t.slug) ?? 'unreachable'}`);
    expect(far).toEqual([]);
  });

  it('shows at least ten diagrams, each a file under public/ with alt text saying what it shows', () => {
    const illustrated = glossary.terms.filter((t) => t.image);
    expect(illustrated.length).toBeGreaterThanOrEqual(10);
    for (const { file, title, image } of illustrated) {
      expect(existsSync(join(siteDir, 'public', image?.src ?? '')), file).toBe(true);
      expect(image?.alt.length, file).toBeGreaterThan(80);
      expect(image?.alt, file).not.toBe(title);
    }
  });
});

describe('the content checks', () => {
  // A deliberately broken glossary, so each check is shown to catch what it is for.
  const entry = (slug: string, title: string, fields: string): SourceFile => ({
    path: `content/definition/${slug}.md`,
    text: `---\ntitle: ${title}\nsummary: ${title} is an entry used only to check the editorial checks.\npublished: 2026-03-15\n${fields}\n---\n\nBody.\n`,
  });
  const broken = validateGlossary(
    [
      entry('start', 'Start', 'related: [one]'),
      entry('one', 'One', 'related: [two]'),
      entry('two', 'Two', 'related: [three]\naka: [START]'),
      entry('three', 'Three', 'related: [four]'),
      entry('four', 'Four', ''),
      entry('lonely', 'Lonely', 'related: [start]'),
      entry('island', 'Island', 'related: [isle]'),
      entry('isle', 'Isle', 'related: [island]'),
    ],
    testSite,
  );
  const small = buildGlossary(broken.terms, testSite);

  it('finds aka collisions', () => {
    expect(broken.problems).toEqual([]);
    expect(findAkaCollisions(small)).toEqual([
      'content/definition/two.md: aka "START" is the title of content/definition/start.md',
    ]);
  });

  it('counts clicks along related, mentions, linked-from and discover-more links, leaving out what cannot be reached', () => {
    // Linked from lists backlinks, so Lonely (which links to Start) is one click away.
    expect(Object.fromEntries(clicksFrom(small, 'start'))).toEqual({
      start: 0,
      one: 1,
      lonely: 1,
      two: 2,
      three: 3,
      four: 4,
    });
  });
});

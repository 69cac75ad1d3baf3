import { parseSiteConfig } from '../../src/lib/site/site-config.ts';

/** The raw configuration behind `testSite`, for tests that vary one field. */
export const testSiteInput = {
  name: 'Test Glossary',
  description: 'A glossary for tests.',
  url: 'https://example.org/',
  timezone: '+01:00',
  publisher: { name: 'Test Press', url: 'https://example.org/', logo: '/logo.svg' },
  authors: { ed: { name: 'Ed Itor', url: 'https://example.org/ed/' } },
  defaultAuthor: 'ed',
  sections: { definition: { label: 'Definition', description: 'Short definitions.' } },
};

/** A small valid site configuration for unit tests. */
export const testSite = parseSiteConfig(testSiteInput);

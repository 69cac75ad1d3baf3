import { parseSiteConfig } from '../../src/lib/site-config.ts';

/** A minimal valid site configuration for unit tests of the pure modules. */
export const testSite = parseSiteConfig({
  name: 'Test Glossary',
  description: 'A glossary for tests.',
  url: 'https://example.org/',
  publisher: { name: 'Test', url: 'https://example.org', logo: '/logo.svg' },
  authors: { ed: { name: 'Ed Itor', url: 'https://example.org/ed/' } },
  defaultAuthor: 'ed',
});

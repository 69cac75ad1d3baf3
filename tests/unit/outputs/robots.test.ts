import { describe, expect, it } from 'vitest';
import { buildRobotsTxt } from '../../../src/lib/outputs/robots.ts';
import { sampleSite } from '../../support/sample-glossary.ts';

describe('buildRobotsTxt', () => {
  it('allows crawling and names the sitemap index by its absolute URL', () => {
    expect(buildRobotsTxt(sampleSite())).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap-index.xml\n',
    );
  });

  it('disallows everything on a staging site', () => {
    expect(buildRobotsTxt(sampleSite({ staging: true }))).toBe('User-agent: *\nDisallow: /\n');
  });
});

import { describe, expect, it } from 'vitest';
import { pagefindUrlOf } from '../../src/integrations/search-index/reuse-fragments.ts';

describe('pagefindUrlOf', () => {
  it('gives a term page the URL Pagefind gives it: its folder, with the final index.html left off', () => {
    expect(pagefindUrlOf('definition/negative-gamma/index.html')).toBe('/definition/negative-gamma/');
    expect(pagefindUrlOf('index.html')).toBe('/');
  });

  it('keeps a file name other than index.html', () => {
    expect(pagefindUrlOf('definition/negative-gamma.html')).toBe('/definition/negative-gamma.html');
    expect(pagefindUrlOf('definition/not-index.html')).toBe('/definition/not-index.html');
  });
});

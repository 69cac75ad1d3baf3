import { describe, expect, it } from 'vitest';
import { createWatchFilter, glossarySources, glossarySourceTest } from '../../src/loader/watched-paths.ts';

const PROJECT = '/repo';

describe('the live preview watch filter', () => {
  it('skips the busy folders of a project whose glossary is its own content/, and the entries, which the loader watches', () => {
    const ignored = createWatchFilter(PROJECT);
    expect(
      [
        '/repo/bench/.work',
        '/repo/bench/.work/glossa-out-10000/index.html',
        '/repo/tests/.output/build-1/dist/index.html',
        '/repo/.glossa-tmp/staging/index.html',
        '/repo/dist',
        '/repo/dist/definition/gamma/index.html',
        '/repo/content/definition/gamma.md',
        '/repo/src/components/Head.astro',
        '/repo/glossa.config.yaml',
      ].filter(ignored),
    ).toEqual([
      '/repo/bench/.work',
      '/repo/bench/.work/glossa-out-10000/index.html',
      '/repo/tests/.output/build-1/dist/index.html',
      '/repo/.glossa-tmp/staging/index.html',
      '/repo/dist',
      '/repo/dist/definition/gamma/index.html',
      '/repo/content/definition/gamma.md',
    ]);
  });

  it('watches the sources of a glossary under bench/.work/, where the benchmark writes it, but not its neighbours', () => {
    const ignored = createWatchFilter('/repo/bench/.work/large-10000');
    expect(
      [
        '/repo/bench/.work/large-10000/content',
        '/repo/bench/.work/large-10000/content/definition/ask-basket.md',
        '/repo/bench/.work/large-10000/public/images/a.svg',
        '/repo/bench/.work/large-10000/glossa.config.yaml',
        '/repo/bench/.work/large-10000/dist/index.html',
        '/repo/bench/.work/glossa-out-10000/index.html',
        '/repo/dist/index.html',
      ].filter(ignored),
    ).toEqual([
      '/repo/bench/.work/large-10000/content',
      '/repo/bench/.work/large-10000/content/definition/ask-basket.md',
      '/repo/bench/.work/large-10000/dist/index.html',
      '/repo/bench/.work/glossa-out-10000/index.html',
      '/repo/dist/index.html',
    ]);
  });

  it('watches a glossary outside the project like any other folder', () => {
    const ignored = createWatchFilter('/srv/glossary');
    expect(ignored('/srv/glossary/glossa.config.yaml')).toBe(false);
    expect(ignored('/srv/glossary/public/images/x.png')).toBe(false);
    expect(ignored('/srv/glossary/dist/term/x/index.html')).toBe(true);
  });
});

describe('glossary sources', () => {
  it('are the entries, the public files, the configuration and the schema extension', () => {
    expect(glossarySources('/srv/glossary')).toEqual([
      '/srv/glossary/content',
      '/srv/glossary/public',
      '/srv/glossary/glossa.config.yaml',
      '/srv/glossary/glossa.schema.ts',
    ]);
  });

  it('include what lies inside them, and nothing else of the site folder', () => {
    expect(
      [
        '/srv/glossary/content/term/x.md',
        '/srv/glossary/public/favicon.svg',
        '/srv/glossary/glossa.config.yaml',
        '/srv/glossary/contents/x.md',
        '/srv/glossary/src/pages/index.astro',
        '/srv/glossary-old/content/term/x.md',
      ].filter(glossarySourceTest('/srv/glossary')),
    ).toEqual([
      '/srv/glossary/content/term/x.md',
      '/srv/glossary/public/favicon.svg',
      '/srv/glossary/glossa.config.yaml',
    ]);
  });
});

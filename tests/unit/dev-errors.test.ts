import { describe, expect, it } from 'vitest';
import { buildPreviewErrorPayload } from '../../src/integration/dev-errors.ts';
import { GlossaryError } from '../../src/lib/checks/problems.ts';

describe('the live preview error payload', () => {
  it('lists every failing problem and points at the first one, by file, line and column', () => {
    const error = new GlossaryError([
      {
        file: 'content/term/vega.md',
        field: 'title',
        message: 'is required',
        severity: 'error',
        line: 1,
        column: 1,
      },
      {
        file: 'content/definition/gamma.md',
        field: 'related[0]',
        message: "'dleta' is not an entry in this glossary",
        hint: "did you mean 'delta'?",
        severity: 'error',
        line: 5,
        column: 3,
      },
      {
        file: 'content/term/x.md',
        field: 'summary',
        message: 'is short',
        severity: 'warning',
        line: 2,
        column: 1,
      },
    ]);
    expect(buildPreviewErrorPayload('/srv/glossary', error)).toEqual({
      type: 'error',
      err: {
        name: 'GlossaryError',
        title: 'The glossary has 2 problems',
        message: [
          "content/definition/gamma.md:5:3  related[0]  'dleta' is not an entry in this glossary  (did you mean 'delta'?)",
          'content/term/vega.md:1:1  title  is required',
        ].join('\n'),
        hint: 'Fix the file and save it: the page reloads as soon as the glossary is valid again. Until then it shows the last version that was.',
        loc: { file: '/srv/glossary/content/definition/gamma.md', line: 5, column: 3 },
        stack: error.message,
      },
    });
  });

  it('shows any other error as it was thrown, without a location', () => {
    const error = new Error('content/term/x.md: the body could not be rendered');
    expect(buildPreviewErrorPayload('/srv/glossary', error).err).toEqual({
      name: 'Error',
      title: 'The glossary could not be loaded',
      message: 'content/term/x.md: the body could not be rendered',
      hint: 'Fix the file and save it: the page reloads as soon as the glossary is valid again. Until then it shows the last version that was.',
      stack: 'content/term/x.md: the body could not be rendered',
    });
  });
});

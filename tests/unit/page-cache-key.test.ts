import { describe, expect, it } from 'vitest';
import { createPageKeys } from '../../src/lib/pages/page-cache-key.ts';

const gamma = { slug: 'gamma', title: 'Gamma', summary: 'Second derivative of value.', body: 'Gamma text.' };
const delta = { slug: 'delta', title: 'Delta', summary: 'First derivative of value.', body: 'Delta text.' };

describe('createPageKeys', () => {
  it('gives equal views equal keys, whatever object holds the same data', () => {
    const keys = createPageKeys([gamma, delta], { sections: ['definition'] });
    expect(keys.keyOf({ related: [delta], count: 1 })).toBe(keys.keyOf({ related: [delta], count: 1 }));
    expect(keys.keyOf({ related: [delta] })).toMatch(/^[\w-]{43}$/);
  });

  it('changes a key when an entry the view lists changes in any field, its body included', () => {
    const before = createPageKeys([gamma, delta], {}).keyOf({ related: [delta] });
    const edited = { ...delta, body: 'Delta text, revised.' };
    expect(createPageKeys([gamma, edited], {}).keyOf({ related: [edited] })).not.toBe(before);
  });

  it('keeps a key when only an entry the view does not show changes', () => {
    const before = createPageKeys([gamma, delta], {}).keyOf({ related: [delta] });
    const edited = { ...gamma, title: 'Gamma (options)' };
    expect(createPageKeys([edited, delta], {}).keyOf({ related: [delta] })).toBe(before);
  });

  it('changes every key when what all pages share changes', () => {
    const view = { related: [delta] };
    expect(createPageKeys([delta], { sections: ['definition'] }).keyOf(view)).not.toBe(
      createPageKeys([delta], { sections: ['definition', 'term'] }).keyOf(view),
    );
  });
});

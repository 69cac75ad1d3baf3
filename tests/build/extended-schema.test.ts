import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GlossaryJsonSchema } from '../../src/lib/outputs/glossary-json.ts';
import { buildFixture } from '../support/build-fixture.ts';

describe('a glossary that declares its own fields in glossa.schema.ts', () => {
  const build = buildFixture('extended');

  it('builds, and glossary.json carries each entry’s declared fields', () => {
    expect(build.status).toBe(0);
    const json = GlossaryJsonSchema.parse(JSON.parse(readFileSync(`${build.outDir}/glossary.json`, 'utf8')));
    expect(json.terms.map((term) => [term.slug, term.fields])).toEqual([
      ['delta', { difficulty: 'basic' }],
      ['gamma', { formula: '\\Gamma = \\partial^2 V / \\partial S^2', difficulty: 'intermediate' }],
    ]);
  });
});

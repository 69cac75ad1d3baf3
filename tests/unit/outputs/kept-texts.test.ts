import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { digestOf, openKeptTexts } from '../../../src/lib/outputs/kept-texts.ts';

const folders: string[] = [];
function keptFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'glossa-kept-'));
  folders.push(dir);
  return join(dir, 'nested', 'copies.v8');
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openKeptTexts', () => {
  it('hands a text back to the next build under the same name and key, and nothing under another key', () => {
    const file = keptFile();
    const first = openKeptTexts(file, 'v1');
    expect(first.get('/a.md', 'k1')).toBeUndefined();
    first.set('/a.md', 'k1', 'text a');
    first.set('/b.md', 'k1', 'text b');
    first.save();
    const second = openKeptTexts(file, 'v1');
    expect(second.get('/a.md', 'k1')).toBe('text a');
    expect(second.get('/b.md', 'k2')).toBeUndefined();
  });

  it('starts empty for another version, a file cut short, or one that is not its own', () => {
    const file = keptFile();
    const kept = openKeptTexts(file, 'v1');
    kept.set('/a.md', 'k1', 'text a');
    kept.save();
    expect(openKeptTexts(file, 'v2').get('/a.md', 'k1')).toBeUndefined();
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 3));
    expect(openKeptTexts(file, 'v1').get('/a.md', 'k1')).toBeUndefined();
    writeFileSync(file, 'not a kept file');
    expect(openKeptTexts(file, 'v1').get('/a.md', 'k1')).toBeUndefined();
  });

  it('drops the names a build did not ask for, and leaves the file alone when every text was found', () => {
    const file = keptFile();
    const first = openKeptTexts(file, 'v1');
    first.set('/a.md', 'k1', 'text a');
    first.set('/gone.md', 'k1', 'text of a deleted entry');
    first.save();
    const second = openKeptTexts(file, 'v1');
    expect(second.get('/a.md', 'k1')).toBe('text a');
    second.save();
    const written = statSync(file).mtimeMs;
    const third = openKeptTexts(file, 'v1');
    expect(third.get('/a.md', 'k1')).toBe('text a');
    expect(third.get('/gone.md', 'k1')).toBeUndefined();
    third.save();
    expect(statSync(file).mtimeMs).toBe(written);
  });
});

describe('digestOf', () => {
  it('gives equal texts equal short digests and different texts different ones', () => {
    expect(digestOf('a tree')).toBe(digestOf('a tree'));
    expect(digestOf('a tree')).toMatch(/^[\w-]{43}$/);
    expect(digestOf('a tree')).not.toBe(digestOf('a tree.'));
  });
});

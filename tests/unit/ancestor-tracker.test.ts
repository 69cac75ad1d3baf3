import { describe, expect, it } from 'vitest';
import { createAncestorTracker, type TrackedElement } from '../../src/lib/markdown/ancestor-tracker.ts';

const el = (tagName: string): TrackedElement => ({ tagName, properties: {} });
const tags = (chain: readonly TrackedElement[]) => chain.map((e) => e.tagName).join(' < ');

describe('createAncestorTracker', () => {
  it('gives each text node the elements whose text it belongs to, nearest first', () => {
    // <p>Para <code>x</code> end</p>\n<ul>\n<li><p>item</p>\n</li></ul>
    const tracker = createAncestorTracker();
    const seen: string[] = [];
    const text = (value: string) =>
      seen.push(`${JSON.stringify(value)}: ${tags(tracker.text(value.length))}`);
    tracker.element(el('p'), 'Para x end'.length);
    text('Para ');
    tracker.element(el('code'), 1);
    text('x');
    text(' end');
    text('\n');
    tracker.element(el('li'), 'item\n'.length);
    tracker.element(el('p'), 4);
    text('item');
    text('\n');
    text('\n');
    expect(seen).toEqual([
      '"Para ": p',
      '"x": code < p',
      '" end": p',
      '"\\n": ',
      '"item": p < li',
      '"\\n": li',
      '"\\n": ',
    ]);
  });

  it('closes an element without text at once, so the next text is outside it', () => {
    // <h2><img></h2><p>After</p>
    const tracker = createAncestorTracker();
    tracker.element(el('h2'), 0);
    expect(tags(tracker.text(0))).toBe('');
    tracker.element(el('p'), 5);
    expect(tags(tracker.text(5))).toBe('p');
  });

  it('throws when a text runs past its element, which means the order or the lengths were wrong', () => {
    const tracker = createAncestorTracker();
    tracker.element(el('a'), 3);
    expect(() => tracker.text(4)).toThrow(
      'a text node of 4 characters runs past the end of its <a>: the elements were not given in document order, or with the wrong text length',
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  findAdvice,
  patchFindings,
  type EditorReportInput,
  type MentionChange,
} from '../../../src/lib/autolink/editor-report.ts';
import type { BodyMention } from '../../../src/lib/autolink/plan.ts';
import type { Term } from '../../../src/lib/entries/term.ts';
import { makeTerm } from '../../support/make-term.ts';
import { mulberry32 as random } from '../../../bench/generate.ts';

// Findings patched for the bodies whose mentions changed must be those found afresh from every
// body, whatever changed: checked on glossaries drawn at random, dense enough that entries are
// named together, orphaned and left without a way onward, with edits that add, drop and reorder
// mentions (the twelve first count for "named together"), name unpublished slugs and the body's
// own entry.

const mention = (slug: string, via: BodyMention['via']): BodyMention => ({
  slug,
  via,
  context: { text: slug, start: 0, end: slug.length } as unknown as BodyMention['context'],
});

interface Drawn {
  terms: Term[];
  mentions: Map<string, BodyMention[]>;
}

function drawGlossary(next: () => number, size: number): Drawn {
  const slugs = Array.from({ length: size }, (_, i) => `entry-${i}`);
  const pick = () => slugs[Math.floor(next() * (next() < 0.5 ? 6 : size))] as string;
  const terms = slugs.map((slug) =>
    makeTerm(slug, {
      related: next() < 0.15 ? [pick()] : [],
      mentions: next() < 0.1 ? [pick()] : [],
      tags: next() < 0.1 ? [`tag-${Math.floor(next() * 3)}`] : [],
    }),
  );
  const mentions = new Map(terms.map((term) => [term.slug, drawMentions(next, pick)]));
  return { terms, mentions };
}

function drawMentions(next: () => number, pick: () => string): BodyMention[] {
  const count = next() < 0.3 ? 0 : Math.floor(next() * 16);
  return Array.from({ length: count }, () =>
    mention(next() < 0.05 ? 'not-published' : pick(), next() < 0.3 ? 'link' : 'name'),
  );
}

function inputOf(drawn: Drawn, explicit: boolean): EditorReportInput {
  return { terms: drawn.terms, bodyMentions: drawn.mentions, ambiguous: [], positions: new Map(), explicit };
}

describe('patchFindings', () => {
  for (const explicit of [false, true]) {
    it(`gives what findAdvice finds afresh after bodies' mentions change${explicit ? ' (mentions: explicit)' : ''}`, () => {
      let patchedSome = 0;
      for (let seed = 1; seed <= 60; seed++) {
        const next = random(seed);
        const drawn = drawGlossary(next, 20 + Math.floor(next() * 60));
        const before = findAdvice(inputOf(drawn, explicit));
        const changes: MentionChange[] = [];
        const edited = new Map(drawn.mentions);
        for (let k = 1 + Math.floor(next() * 4); k > 0; k--) {
          const term = drawn.terms[Math.floor(next() * drawn.terms.length)] as Term;
          if (changes.some((change) => change.slug === term.slug)) continue;
          const was = edited.get(term.slug) ?? [];
          const pick = () => drawn.terms[Math.floor(next() * drawn.terms.length)]?.slug ?? term.slug;
          const now =
            next() < 0.3
              ? [...was].reverse()
              : next() < 0.5
                ? was.slice(1)
                : [
                    mention(next() < 0.2 ? term.slug : pick(), next() < 0.5 ? 'link' : 'name'),
                    ...was,
                    mention(pick(), 'link'),
                  ];
          edited.set(term.slug, now);
          changes.push({ slug: term.slug, before: was, after: now });
        }
        const after: Drawn = { terms: drawn.terms, mentions: edited };
        const fresh = findAdvice(inputOf(after, explicit));
        expect(patchFindings(inputOf(after, explicit), before, changes), `seed ${seed}`).toEqual(fresh);
        if (JSON.stringify(fresh) !== JSON.stringify(before)) patchedSome++;
      }
      // The edits did change the findings, in most glossaries: the comparison is not of equals.
      expect(patchedSome).toBeGreaterThan(20);
    });
  }

  it('finds nothing stale when no body changed', () => {
    const drawn = drawGlossary(random(99), 50);
    const findings = findAdvice(inputOf(drawn, false));
    expect(findings.together.length).toBeGreaterThan(0);
    expect(findings.orphans.length).toBeGreaterThan(0);
    expect(patchFindings(inputOf(drawn, false), findings, [])).toEqual(findings);
  });
});

import { describe, expect, it } from 'vitest';
import { onPreviewSync, reportPreviewSync, type SyncOutcome } from '../../src/loader/preview-status.ts';

const describeOutcome = (outcome: SyncOutcome) =>
  'error' in outcome ? `error ${String(outcome.error)}` : outcome.changed ? 'changed' : 'unchanged';

describe('preview status', () => {
  it('passes each sync outcome to the listener of that glossary only', () => {
    const heard: string[] = [];
    onPreviewSync('/sites/a', (outcome) => heard.push(`a:${describeOutcome(outcome)}`));
    onPreviewSync('/sites/b', (outcome) => heard.push(`b:${describeOutcome(outcome)}`));
    reportPreviewSync('/sites/a', { changed: true });
    reportPreviewSync('/sites/a', { changed: false });
    reportPreviewSync('/sites/b', { error: 'broken' });
    reportPreviewSync('/sites/unwatched', { error: 'ignored' });
    expect(heard).toEqual(['a:changed', 'a:unchanged', 'b:error broken']);
  });

  it('replaces the listener of a glossary when the dev server wires it again', () => {
    const heard: string[] = [];
    onPreviewSync('/sites/c', () => heard.push('first'));
    onPreviewSync('/sites/c', () => heard.push('second'));
    reportPreviewSync('/sites/c', { changed: false });
    expect(heard).toEqual(['second']);
  });
});

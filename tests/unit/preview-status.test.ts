import { describe, expect, it } from 'vitest';
import { onPreviewSync, reportPreviewSync } from '../../src/loader/preview-status.ts';

describe('preview status', () => {
  it('passes each sync outcome to the listener of that glossary only', () => {
    const heard: string[] = [];
    onPreviewSync('/sites/a', (error) => heard.push(`a:${error === undefined ? 'ok' : String(error)}`));
    onPreviewSync('/sites/b', (error) => heard.push(`b:${error === undefined ? 'ok' : String(error)}`));
    reportPreviewSync('/sites/a');
    reportPreviewSync('/sites/b', 'broken');
    reportPreviewSync('/sites/unwatched', 'ignored');
    expect(heard).toEqual(['a:ok', 'b:broken']);
  });

  it('replaces the listener of a glossary when the dev server wires it again', () => {
    const heard: string[] = [];
    onPreviewSync('/sites/c', () => heard.push('first'));
    onPreviewSync('/sites/c', () => heard.push('second'));
    reportPreviewSync('/sites/c');
    expect(heard).toEqual(['second']);
  });
});

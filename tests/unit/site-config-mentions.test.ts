import { describe, expect, it } from 'vitest';
import { bodyNamesOf, buildAutolinkSite } from '../../src/lib/autolink/autolink-site.ts';
import { createNamesKey } from '../../src/loader/names-digest.ts';
import { GlossaryError, formatProblem } from '../../src/lib/checks/problems.ts';
import { parseSiteConfig } from '../../src/lib/site/site-config.ts';
import { testSiteInput } from '../support/test-site.ts';

const configOf = (over: Record<string, unknown>) => parseSiteConfig({ ...testSiteInput, ...over });
const problemsOf = (over: Record<string, unknown>) => {
  try {
    configOf(over);
    return [];
  } catch (error) {
    return (error as GlossaryError).problems.map(formatProblem);
  }
};
const settingOf = (over: Record<string, unknown>) => {
  const { autolink, mentions } = configOf(over);
  return { autolink, mentions, bodyNames: bodyNamesOf({ autolink, mentions }) };
};

describe('the site configuration key mentions', () => {
  it('defaults to body mentions, linked once per section', () => {
    expect(settingOf({})).toEqual({ autolink: 'section', mentions: 'body', bodyNames: 'section' });
  });

  it('with explicit, links nothing unless told, and bodies are not searched for names', () => {
    expect(settingOf({ mentions: 'explicit' })).toEqual({
      autolink: 'off',
      mentions: 'explicit',
      bodyNames: 'explicit',
    });
    expect(settingOf({ mentions: 'explicit', autolink: 'off' })).toEqual({
      autolink: 'off',
      mentions: 'explicit',
      bodyNames: 'explicit',
    });
  });

  it('keeps every autolink policy with body mentions, off included', () => {
    for (const autolink of ['page', 'section', 'paragraph', 'off'])
      expect(settingOf({ autolink, mentions: 'body' })).toEqual({
        autolink,
        mentions: 'body',
        bodyNames: autolink,
      });
  });

  it('refuses a policy that links together with explicit mentions, saying both ways out', () => {
    expect(problemsOf({ mentions: 'explicit', autolink: 'paragraph' })).toEqual([
      "glossa.config.yaml  autolink  'paragraph' links names found in bodies, but mentions: explicit does not search bodies for names (remove autolink or set it to off, or set mentions: body)",
    ]);
  });

  it('refuses an unknown value, suggesting the closest one', () => {
    expect(problemsOf({ mentions: 'explict' })).toEqual([
      "glossa.config.yaml  mentions  must be one of body, explicit (did you mean 'explicit'?)",
    ]);
    expect(problemsOf({ mentions: 'front matter' })).toEqual([
      'glossa.config.yaml  mentions  must be one of body, explicit',
    ]);
    expect(problemsOf({ mentions: true })).toEqual([
      'glossa.config.yaml  mentions  must be one of body, explicit',
    ]);
    expect(problemsOf({ autolink: 'sectoin' })).toEqual([
      "glossa.config.yaml  autolink  must be one of page, section, paragraph, off (did you mean 'section'?)",
    ]);
  });

  it('renders every body again when a site switches between autolink: off and mentions: explicit', () => {
    const entries = [{ slug: 'gamma', section: 'definition', title: 'Gamma', aka: [] }];
    const keyOf = (over: Record<string, unknown>) => {
      const setting = { root: '/', locale: 'en', policy: settingOf(over).bodyNames };
      return [
        buildAutolinkSite(entries, setting).fingerprint,
        createNamesKey(entries, setting, { hash: (text) => text })('Gamma rises.'),
      ];
    };
    // Each key starts with the setting: the two differ there and nowhere else.
    const [off, explicit] = [keyOf({ autolink: 'off' }), keyOf({ mentions: 'explicit' })];
    expect(off.map((key) => key.split('\n')[0])).toEqual(['off', 'off']);
    expect(explicit.map((key) => key.split('\n')[0])).toEqual(['explicit', 'explicit']);
    expect(explicit.map((key) => key.slice(key.indexOf('\n')))).toEqual(
      off.map((key) => key.slice(key.indexOf('\n'))),
    );
  });
});

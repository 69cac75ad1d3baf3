import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guessFormat, readImportSource } from '../../src/import/index.ts';
import { planImport, STUB_NOTE } from '../../src/import/plan.ts';
import { formatProblem } from '../../src/lib/checks/problems.ts';

/** The Machine Learning Glossary (CC BY 4.0), read where it is kept, never copied into the project. */
const ML_TERMS = '/work/shared/corpora/ml-glossary/terms';

describe('importing the Machine Learning Glossary (Jekyll)', () => {
  const source = readImportSource(ML_TERMS, { format: 'jekyll', name: 'terms' });
  const plan = planImport(source, { section: 'ml', date: '2026-01-01' });
  const entry = (slug: string) => plan.entries.find((e) => e.slug === slug);

  it('is recognized as Jekyll', () => {
    expect(guessFormat(ML_TERMS)).toBe('jekyll');
  });

  it('plans one entry per term, stubs published with a note, and no errors', () => {
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.entries).toHaveLength(370);
    expect(plan.entries.filter((e) => e.stub)).toHaveLength(196);
    expect(plan.entries.filter((e) => e.draft)).toEqual([]);
    expect(plan.entries.every((e) => e.path === `content/ml/${e.slug}.md`)).toBe(true);
    expect(entry('burstiness')?.stub).toBe(false);
    expect(entry('accams')?.stub).toBe(false);
    expect(entry('adversarial-autoencoder')?.text).toBe(
      [
        '---',
        'title: Adversarial autoencoder',
        'published: 2026-01-01',
        'related: [autoencoder, generative-adversarial-network-gan, variational-autoencoder-vae]',
        '---',
        '',
        STUB_NOTE,
        '',
        '## References',
        '',
        '- [Adversarial Autoencoders](https://arxiv.org/abs/1511.05644)',
        '',
      ].join('\n'),
    );
  });

  it('moves the eleven redirect stubs onto their targets as redirectFrom', () => {
    const redirects = Object.fromEntries(
      plan.entries.filter((e) => e.redirectFrom.length > 0).map((e) => [e.slug, e.redirectFrom]),
    );
    expect(redirects).toEqual({
      backpropagation: ['backprop'],
      entailment: ['textual-entailment'],
      'filter-convolution': ['kernel-convolution'],
      'latent-semantic-indexing-lsi': ['latent-semantic-analysis-lsa'],
      'learning-rate-decay': ['learning-rate-annealing'],
      'minibatch-gradient-descent': ['minibatching'],
      'mode-collapse': ['helvetica-scenario'],
      'representation-learning': ['feature-learning'],
      'triplet-loss': ['triplet-loss-function'],
      'weight-sharing': ['parameter-sharing'],
      'yolov2-object-detection': ['yolo9000-object-detection'],
    });
    expect(plan.entries.some((e) => ['backprop', 'minibatching'].includes(e.slug))).toBe(false);
    expect(entry('backpropagation')?.text).toBe(
      [
        '---',
        'title: Backpropagation',
        'published: 2026-01-01',
        'related: [gradient-descent]',
        'aka: [Backprop]',
        'redirectFrom: [backprop]',
        '---',
        '',
        'A technique to find good weight values in a neural network by trying different weights, and seeing if the change contributes positively to prediction quality.',
        '',
        '## References',
        '',
        '- [Yes you should understand backprop - Andrej Karpathy](https://medium.com/@karpathy/yes-you-should-understand-backprop-e2f06eab496b)',
        '- [Backpropagation - Wikipedia](https://en.wikipedia.org/wiki/Backpropagation)',
        '',
      ].join('\n'),
    );
  });

  it("turns links to the old site's /terms/ pages into links to the entries", () => {
    expect(entry('1x1-convolution')?.text).toContain('[filter](filter-convolution.md) is of dimension');
    expect(entry('1x1-convolution')?.text).toContain('[ReLU](rectified-linear-unit-relu.md)');
    expect(entry('adagrad')?.text).toContain('\n[1]: learning-rate.md\n');
    expect(plan.entries.filter((e) => /\]\(\/terms\/|\]: \/terms\//.test(e.text)).map((e) => e.slug)).toEqual(
      [],
    );
    // A link to a page the old site did not have keeps its words.
    expect(entry('adaboost')?.text).toContain('Increases the margin (separation) like SVMs.\n');
  });

  it('keeps references, TeX and reference-style links as written, and says what it left out', () => {
    expect(entry('synset')?.text).toContain('[1]: https://wordnet.princeton.edu/\n');
    expect(entry('activation-function')?.text).toContain('($\\mathbf x$)');
    expect(entry('imputation')?.text).toContain(
      '- [Imputation (statistics)](<https://en.wikipedia.org/wiki/Imputation_(statistics)>)\n',
    );
    expect(plan.problems.map(formatProblem)).toEqual([
      'terms/burstiness.md:1:1  needs_review  is not a field Glossa imports and is ignored (5 files)',
      'terms/test-term.md:1:1  new_references  is not a field Glossa imports and is ignored (1 file)',
      'terms/adaboost.md:1:1  body  link definition [1] to /terms/support-vector-machine is not a term of this glossary; its links are kept as text',
      'terms/deep-learning.md:1:1  body  link definition [1] to /terms/hidden-layer is not a term of this glossary; its links are kept as text',
      'terms/padding-convolution.md:1:1  body  link definition [2] to /terms/zero-pad is not a term of this glossary; its links are kept as text',
      'terms/self-supervised-learning.md:1:1  body  link to /terms/autoencoders is not a term of this glossary; kept as text',
      'terms/similarity-learning.md:1:1  body  link definition [2] to /terms/learning-to-rank is not a term of this glossary; its links are kept as text',
      'terms/zero-padding.md:1:1  body  link definition [1] to /terms/fast-fourier-transform is not a term of this glossary; its links are kept as text',
      "terms/abscissa.md:1:1  related  'ordinate' is not a term of this glossary and is left out  (the old site had a broken link here)",
      "terms/neural-turing-machine-ntm.md:1:1  related  'long-short-term-memory' is not a term of this glossary and is left out  (the old site had a broken link here)",
      "terms/recurrent-neural-network.md:1:1  related  'long-short-term-memory' is not a term of this glossary and is left out  (the old site had a broken link here)",
      "terms/similarity-learning.md:1:1  related  'learning-to-rank' is not a term of this glossary and is left out  (the old site had a broken link here)",
      "terms/test-term.md:1:1  related  'c' is not a term of this glossary and is left out  (the old site had a broken link here)",
      "terms/unsupervised-learning.md:1:1  related  'anomaly-detection' is not a term of this glossary and is left out  (the old site had a broken link here)",
      "terms/weak-supervision.md:1:1  related  'active-learning' is not a term of this glossary and is left out  (the old site had a broken link here)",
      "terms/weak-supervision.md:1:1  related  'transfer-learning' is not a term of this glossary and is left out  (the old site had a broken link here)",
    ]);
  });

  it('asks for --date rather than dating 370 undated terms today', () => {
    expect(
      planImport(source, { section: 'ml' })
        .problems.filter((p) => p.severity === 'error')
        .map(formatProblem),
    ).toEqual([
      'terms/1-bit-stochastic-gradient-descent-1-bit-sgd.md:1:1  published  is missing: 370 terms have no date in the source or in its git history  (add --date YYYY-MM-DD to give them one; the import never guesses today)',
    ]);
  });
});

describe('dates from git history', () => {
  const repo = mkdtempSync(join(tmpdir(), 'glossa-import-git-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const git = (args: string[], date: string) =>
    spawnSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'T',
        GIT_AUTHOR_EMAIL: 't@example.org',
        GIT_COMMITTER_NAME: 'T',
        GIT_COMMITTER_EMAIL: 't@example.org',
        GIT_AUTHOR_DATE: `${date}T12:00:00Z`,
        GIT_COMMITTER_DATE: `${date}T12:00:00Z`,
      },
    });

  it('dates each file by its first commit and updates it by its last, before --date', () => {
    git(['init', '-q'], '2024-01-01');
    cpSync(join(ML_TERMS, 'abscissa.md'), join(repo, 'terms/abscissa.md'), { recursive: true });
    cpSync(join(ML_TERMS, 'adagrad.md'), join(repo, 'terms/adagrad.md'));
    git(['add', '.'], '2024-01-01');
    git(['commit', '-qm', 'first'], '2024-02-03');
    writeFileSync(join(repo, 'terms/adagrad.md'), '---\ntitle: Adagrad\n---\nAn optimizer.\n');
    git(['commit', '-qam', 'second'], '2025-06-07');
    writeFileSync(join(repo, 'terms/new.md'), '---\ntitle: New\n---\nNot committed yet.\n');

    const source = readImportSource(join(repo, 'terms'), { format: 'jekyll', name: 'terms' });
    const plan = planImport(source, { section: 'ml', date: '2026-01-01' });
    const dates = Object.fromEntries(
      plan.entries.map((e) => [e.slug, /published: (\S+)\n(?:updated: (\S+)\n)?/.exec(e.text)?.slice(1, 3)]),
    );
    expect(dates).toEqual({
      abscissa: ['2024-02-03', undefined],
      adagrad: ['2024-02-03', '2025-06-07'],
      new: ['2026-01-01', undefined],
    });
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRasterImage } from '../../../src/lib/social-cards/raster-image.ts';

const publicDir = join(import.meta.dirname, '../../fixtures/social-cards/public');

describe('readRasterImage', () => {
  it('reads the size and media type of a PNG under public/ from its bytes', () => {
    expect(readRasterImage(publicDir, '/images/gamma-chart.png')).toEqual({
      width: 1200,
      height: 630,
      type: 'image/png',
    });
  });

  it('offers nothing for an SVG, a picture hosted elsewhere, a missing file or one that is no image', () => {
    expect(readRasterImage(publicDir, '/images/delta-curve.svg')).toBeUndefined();
    expect(readRasterImage(publicDir, 'https://cdn.example.org/a.png')).toBeUndefined();
    expect(readRasterImage(publicDir, '/images/missing.png')).toBeUndefined();
    const scratch = mkdtempSync(join(tmpdir(), 'glossa-raster-'));
    try {
      writeFileSync(join(scratch, 'chart.png'), 'not a picture');
      expect(readRasterImage(scratch, '/chart.png')).toBeUndefined();
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

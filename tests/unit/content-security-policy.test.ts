import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, hostCspAddition } from '../../src/lib/site/content-security-policy.ts';
import { minifyLoader, readLoader, scriptHash } from '../../src/lib/pages/inline-loader.ts';

describe('buildContentSecurityPolicy', () => {
  it('allows scripts from the site, WebAssembly for search and the loader by its hash', () => {
    expect(buildContentSecurityPolicy('sha256-abc=')).toEqual({
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' https: data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: ['sha256-abc='] },
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    });
  });
});

describe('hostCspAddition', () => {
  it("adds only the loader's hash to a host's policy, in the host's algorithm", () => {
    expect(hostCspAddition(undefined, 'sha256-abc=')).toBeUndefined();
    expect(hostCspAddition(false, 'sha256-abc=')).toBeUndefined();
    expect(hostCspAddition(true, 'sha256-abc=')).toEqual({
      algorithm: 'SHA-256',
      scriptDirective: { hashes: ['sha256-abc='] },
    });
    expect(hostCspAddition({ algorithm: 'SHA-512' }, 'sha256-abc=')).toEqual({
      algorithm: 'SHA-512',
      scriptDirective: { hashes: ['sha256-abc='] },
    });
  });
});

describe('the inline loader', () => {
  it('minifies to at most 1 KB', () => {
    expect(Buffer.byteLength(readLoader())).toBeLessThanOrEqual(1024);
  });

  it('is hashed as CSP expects: base64 SHA-256 of the exact text', () => {
    expect(scriptHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(minifyLoader('const a = 1;\nconsole.log(a);\nexport {};\n')).toBe('(()=>{console.log(1);})();');
  });
});

/**
 * The Content-Security-Policy of a glossary that is the whole site, in the shape of Astro's
 * `security.csp`. Astro prints it as a <meta> in every page, with the hashes of the scripts and
 * styles it bundles; what it cannot know is added here.
 */

/** Astro's `security.csp` options that Glossa sets (a subset of its config type). */
export interface GlossaCsp {
  /** Given explicitly: a config added by an integration is not passed through Astro's defaults. */
  algorithm: 'SHA-256';
  directives: string[];
  scriptDirective: { resources: string[]; hashes: `sha256-${string}`[] };
  styleDirective: { resources: (string | { resource: string; kind: 'attribute' })[] };
}

/**
 * The policy: scripts only from the site itself or the one inline loader (by `loaderHash`), and
 * WebAssembly for Pagefind's search ('wasm-unsafe-eval' compiles it; it runs no JavaScript
 * `eval`). Style attributes stay allowed: the highlighter colours code tokens with them and the
 * print origin is one; style elements and stylesheets are still held to 'self' and hashes.
 * Images may come from any https address, as an entry's `image.src` may.
 */
export function buildContentSecurityPolicy(loaderHash: `sha256-${string}`): GlossaCsp {
  return {
    algorithm: 'SHA-256',
    directives: [
      "default-src 'self'",
      "img-src 'self' https: data:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ],
    scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [loaderHash] },
    styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
  };
}

/** The hash algorithms Astro's CSP offers. */
export type CspAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512';

/** A host site's `security.csp` setting, as far as Glossa reads it. */
export type HostCsp = boolean | { algorithm?: CspAlgorithm | undefined } | undefined;

/**
 * What a glossary inside a host site adds to the host's own policy: nothing when the host has
 * none, else the loader's hash, so the host's policy lets the glossary's pages run it. Astro adds
 * the hashes of the scripts it bundles itself; the algorithm is the host's, or Astro's default.
 */
export function hostCspAddition(
  host: HostCsp,
  loaderHash: `sha256-${string}`,
): { algorithm: CspAlgorithm; scriptDirective: { hashes: `sha256-${string}`[] } } | undefined {
  if (!host) return undefined;
  const algorithm = host === true ? 'SHA-256' : (host.algorithm ?? 'SHA-256');
  return { algorithm, scriptDirective: { hashes: [loaderHash] } };
}

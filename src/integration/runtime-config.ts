import type { SiteConfig } from '../lib/site/site-config.ts';

/**
 * What the `glossa()` integration hands to routes, components and the content loader through
 * the virtual module `virtual:glossa/config`: the site configuration, validated once when Astro
 * starts, and where the glossary lives. Plain JSON, so it crosses from the integration to Vite.
 */
export interface GlossaRuntimeConfig {
  /** The validated `glossa.config.yaml`, its `url` the glossary's own absolute address. */
  site: SiteConfig;
  /** Absolute path of the folder holding `glossa.config.yaml`, `content/` and `public/`. */
  siteDir: string;
  /** Absolute path of the Astro project root (for paths Astro reports relative to it). */
  projectRoot: string;
  /**
   * The path the glossary's home page is served at, with leading and trailing slash: Astro's
   * `base` plus the integration's `prefix` (`/`, `/docs/glossary/`, `/glossary/`). Every link a
   * page prints starts with it.
   */
  root: string;
  /** The glossary's place inside the Astro site, without the base: `/` when it is the whole site. */
  prefix: string;
  /** Absolute path of Astro's cache folder for this glossary, where drawn social cards are kept. */
  cacheDir: string;
  /**
   * The digest of Glossa's code and installed libraries (src/integration/code-digest.ts): what a
   * build keeps for the next one is reused only by the same code.
   */
  codeDigest: string;
}

/** The id routes and components import the runtime configuration from. */
export const RUNTIME_CONFIG_MODULE = 'virtual:glossa/config';

/**
 * The file, in the site folder, that configures a glossary. Its own module, so code that only
 * needs the name (the site's stamps, site-stamps.ts) does not load zod and the YAML parser.
 */
export const SITE_CONFIG_FILE = 'glossa.config.yaml';

import { resolve } from 'node:path';

/**
 * The folder holding the glossary being built (`glossa.config.yaml`, `content/`, `public/`).
 * The project root by default; tests and other glossaries point GLOSSA_SITE_DIR elsewhere.
 */
export const siteDir = resolve(process.env['GLOSSA_SITE_DIR'] ?? '.');

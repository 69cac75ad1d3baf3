import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { RUNTIME_CONFIG_MODULE, type GlossaRuntimeConfig } from './runtime-config.ts';

/** Parts of every page a site may replace with its own Astro component. */
export const REPLACEABLE_COMPONENTS = ['Header', 'Footer'] as const;
/** A replaceable part's name. */
export type ReplaceableComponent = (typeof REPLACEABLE_COMPONENTS)[number];

const COMPONENT_PREFIX = 'virtual:glossa/components/';
const CUSTOM_CSS = 'virtual:glossa/custom-css';
const DEFAULT_COMPONENTS: Record<ReplaceableComponent, string> = {
  Header: fileURLToPath(new URL('../components/SiteHeader.astro', import.meta.url)),
  Footer: fileURLToPath(new URL('../components/SiteFooter.astro', import.meta.url)),
};

/**
 * The Vite plugin behind Glossa's virtual modules: `virtual:glossa/config` (the runtime
 * configuration), `virtual:glossa/components/<Part>` (the site's component for that part, else
 * ours) and `virtual:glossa/custom-css` (the site's stylesheets, imported after Glossa's own).
 * `components` and `customCss` paths are relative to the Astro project root.
 */
export function glossaVirtualModules(
  runtime: GlossaRuntimeConfig,
  components: Partial<Record<ReplaceableComponent, string>>,
  customCss: readonly string[],
): Plugin {
  const fromProject = (path: string) => resolve(runtime.projectRoot, path);
  const modules = new Map<string, string>([
    [RUNTIME_CONFIG_MODULE, `export default ${JSON.stringify(runtime)};`],
    [CUSTOM_CSS, customCss.map((file) => `import ${JSON.stringify(fromProject(file))};`).join('\n')],
  ]);
  for (const part of REPLACEABLE_COMPONENTS) {
    const given = components[part];
    const file = given === undefined ? DEFAULT_COMPONENTS[part] : fromProject(given);
    modules.set(`${COMPONENT_PREFIX}${part}`, `export { default } from ${JSON.stringify(file)};`);
  }
  return {
    name: 'glossa:virtual-modules',
    resolveId: (id) => (modules.has(id) ? `\0${id}` : null),
    load: (id) => (id.startsWith('\0') ? modules.get(id.slice(1)) : undefined),
  };
}

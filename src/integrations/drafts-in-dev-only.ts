import type { AstroIntegration } from 'astro';

/**
 * Decides whether drafts are shown by the command that runs, not by `NODE_ENV`: Vite's
 * `import.meta.env.DEV` is true for any `NODE_ENV` other than `production`, so a host set up with
 * `NODE_ENV=development` (common where devDependencies must be installed) would publish drafts.
 * Only `astro dev` shows them; `astro build` never does.
 */
export function draftsInDevOnly(): AstroIntegration {
  return {
    name: 'glossa:drafts-in-dev-only',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: { define: { 'import.meta.env.GLOSSA_SHOW_DRAFTS': JSON.stringify(command === 'dev') } },
        });
      },
    },
  };
}

interface ImportMetaEnv {
  /** True only under `astro dev`, set by src/integrations/drafts-in-dev-only.ts. */
  readonly GLOSSA_SHOW_DRAFTS: boolean;
}

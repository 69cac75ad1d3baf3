declare module 'virtual:glossa/config' {
  /** The configuration the `glossa()` integration validated (src/integration/runtime-config.ts). */
  const config: import('./integration/runtime-config.ts').GlossaRuntimeConfig;
  export default config;
}

declare module 'virtual:glossa/config' {
  /** The configuration the `glossa()` integration validated (src/integration/runtime-config.ts). */
  const config: import('./integration/runtime-config.ts').GlossaRuntimeConfig;
  export default config;
}

declare module 'virtual:glossa/components/Header' {
  /** The site's header component, or Glossa's (src/components/SiteHeader.astro). */
  const Header: typeof import('./components/SiteHeader.astro').default;
  export default Header;
}

declare module 'virtual:glossa/components/Footer' {
  /** The site's footer component, or Glossa's (src/components/SiteFooter.astro). */
  const Footer: typeof import('./components/SiteFooter.astro').default;
  export default Footer;
}

declare module 'virtual:glossa/custom-css' {}

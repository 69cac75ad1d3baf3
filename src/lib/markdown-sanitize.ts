import { defaultSchema, type Options } from 'rehype-sanitize';

/**
 * GitHub's sanitize schema, without id clobbering: remark-rehype already prefixes footnote ids
 * with `user-content-`, and prefixing them again would break the footnote links.
 */
export const markdownSanitizeSchema: Options = {
  ...defaultSchema,
  clobberPrefix: '',
};

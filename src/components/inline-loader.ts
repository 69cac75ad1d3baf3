import source from '../browser/loader.ts?raw';
import { minifyLoader } from '../lib/pages/inline-loader.ts';

/** The page loader as ClientLoader prints it inline (about 0.9 KB), minified once per build. */
export const INLINE_LOADER = minifyLoader(source);

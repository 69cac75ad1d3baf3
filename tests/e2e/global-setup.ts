import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, SITE_DIR } from './support/browser.ts';

/** Fails early, with the fix spelled out, when the browser or the built site is missing. */
export default function checkPrerequisites(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH}, which is missing. Install it with:\n\n    apt-get install chromium\n`,
    );
  }
  if (!existsSync(`${SITE_DIR}/pagefind/pagefind.js`)) {
    throw new Error(
      `Browser tests run on the built example site, and ${SITE_DIR} has no search index. Run:\n\n    npm run build\n`,
    );
  }
}

/**
 * Run by `npm run test:e2e` before vitest, so a missing browser or build is reported as one plain
 * message instead of a stack trace under "No test files found".
 */
import checkPrerequisites from './global-setup.ts';

try {
  checkPrerequisites();
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  process.exit(1);
}

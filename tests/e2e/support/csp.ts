import type { Page } from 'playwright-core';

/** A Content-Security-Policy violation as the browser reports it. */
export interface Violation {
  directive: string;
  blocked: string;
  page: string;
}

/**
 * Records every Content-Security-Policy violation of the pages `page` opens from now on, from
 * before any of their own scripts run. Read them with `violationsOf`.
 */
export async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    Object.defineProperty(window, '__violations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({ directive: event.violatedDirective, blocked: event.blockedURI, page: location.pathname });
    });
  });
}

/** The violations recorded on the page that is open now. */
export function violationsOf(page: Page): Promise<Violation[]> {
  return page.evaluate(() => (window as unknown as { __violations?: Violation[] }).__violations ?? []);
}

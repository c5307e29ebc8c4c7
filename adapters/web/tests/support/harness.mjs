// One Qujat and one Chromium per test file, started before its tests and stopped after
// them whatever happened:
//
//   const q = useQujat();
//   it('…', async () => { const page = await q.newPage(); await q.signIn(page, 'auditor.ast', 'en'); … });
//
// A script error in any page fails the file (a person would have met a broken screen), and
// so does a server that does not stop cleanly.
import { after, before } from 'node:test';
import { desktop, launchChromium } from './browser.mjs';
import { startQujat } from './qujat-system.mjs';
import { signIn } from './ui.mjs';

export function useQujat() {
  const pageErrors = [];
  const q = {
    system: null,
    browser: null,
    get url() {
      return this.system.url;
    },
    // A fresh browser profile (no cookies, no stored language) showing nothing yet.
    async newPage({ viewport = desktop, locale = 'en-US' } = {}) {
      const context = await this.browser.newContext({ viewport, locale, acceptDownloads: true });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.stack || error.message}`));
      return page;
    },
    signIn(page, login, lang) {
      return signIn(page, this.system, login, lang);
    },
  };
  before(async () => {
    // Both are kept even when one fails, so that after() stops the other.
    const [system, browser] = await Promise.allSettled([startQujat(), launchChromium()]);
    q.system = system.value;
    q.browser = browser.value;
    if (system.status === 'rejected') throw system.reason;
    if (browser.status === 'rejected') throw browser.reason;
  });
  after(async () => {
    const [, stopped] = await Promise.allSettled([q.browser?.close(), q.system?.stop()]);
    const problems = pageErrors.map((error) => `script error in the page: ${error}`);
    if (stopped.status === 'rejected') problems.push(stopped.reason.message);
    if (problems.length) throw new Error(problems.join('\n'));
  });
  return q;
}

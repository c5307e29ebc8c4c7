// Every main screen in Kazakh and in Russian, on a desktop and on a 360 px phone: no serious
// accessibility problem (axe-core), nothing wider than the phone, and a screenshot of each
// in QUJAT_SCREENSHOTS. Problems are sentences in the reader's language, never raw JSON.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axeCheck, desktop, horizontalOverflow, phone, screenshot } from './support/browser.mjs';
import { useQujat } from './support/harness.mjs';
import { chooseLanguage, heading, openMenu, see, words } from './support/ui.mjs';

const q = useQujat();
const browserLocale = { kk: 'kk-KZ', ru: 'ru-RU' };
// The demo's protocol waiting for its chairman's signature.
const waiting = { id: 4, title: 'Протокол собрания ППО № 2 / БПҰ жиналысының хаттамасы № 2' };

// Each screen: who sees it, how they get there, its heading, and what shows it has loaded.
const screens = [
  {
    name: 'inbox', login: 'chairman.ppo-00002',
    open: (page, t) => openMenu(page, t, 'nav.inbox'),
    heading: (t) => t('inbox.title'),
    loaded: (page, t) => see(page, t.pattern('inbox.summary')),
  },
  {
    name: 'documents', login: 'chairman.ppo-00002',
    open: (page, t) => openMenu(page, t, 'nav.documents'),
    heading: (t) => t('documents.title'),
    loaded: (page, t) => see(page, t.pattern('documents.shown')),
  },
  {
    name: 'document', login: 'chairman.ppo-00002',
    open: (page) => page.goto(`${q.url}/#/documents/${waiting.id}`),
    heading: () => waiting.title,
    loaded: (page, t) => page.getByRole('region', { name: t('doc.history'), exact: true }).getByRole('listitem').first().waitFor(),
  },
  {
    name: 'new-document', login: 'secretary.ppo-00001',
    open: (page) => page.goto(`${q.url}/#/documents/new?workflow=ppo-protocol`),
    heading: (t) => t('new.heading'),
    loaded: (page, t) => page.getByRole('button', { name: t('new.submit'), exact: true }).waitFor(),
  },
  {
    name: 'dashboard', login: 'auditor.ast',
    open: (page, t) => openMenu(page, t, 'nav.dashboard'),
    heading: (t) => t('dashboard.title'),
    loaded: (page) => page.locator('canvas').first().waitFor(),
  },
  {
    name: 'audit', login: 'auditor.ast',
    open: (page, t) => openMenu(page, t, 'nav.audit'),
    heading: (t) => t('audit.title'),
    loaded: (page, t) => see(page, t('audit.intact')),
  },
];

// On a desktop the screen is checked by axe-core; on a phone it must not scroll sideways.
async function inspect(page, lang, name, viewport) {
  if (viewport === desktop) {
    await axeCheck(page);
    await screenshot(page, `${lang}-${name}`);
  } else {
    assert.equal(await horizontalOverflow(page), null, `${name} in ${lang} is wider than a phone`);
    await screenshot(page, `${lang}-${name}-phone`);
  }
}

for (const lang of ['kk', 'ru']) {
  const t = words(lang);
  describe(`the main screens in ${lang}`, () => {
    for (const viewport of [desktop, phone]) {
      const size = `${viewport.width}×${viewport.height}`;
      it(`sign-in at ${size}`, async () => {
        const page = await q.newPage({ viewport, locale: browserLocale[lang] });
        await page.goto(q.url);
        await chooseLanguage(page, lang);
        await heading(page, t('signIn.title'));
        await inspect(page, lang, 'sign-in', viewport);
        await page.context().close();
      });

      for (const login of new Set(screens.map((s) => s.login))) {
        const own = screens.filter((s) => s.login === login);
        it(`${own.map((s) => s.name).join(', ')} of ${login} at ${size}`, async () => {
          const page = await q.newPage({ viewport, locale: browserLocale[lang] });
          await q.signIn(page, login, lang);
          for (const screen of own) {
            await screen.open(page, t);
            await heading(page, screen.heading(t));
            await screen.loaded(page, t);
            await inspect(page, lang, screen.name, viewport);
          }
          await page.context().close();
        });
      }
    }
  });
}

describe('problems read as sentences', () => {
  it('a wrong password is said in Russian', async () => {
    const ru = words('ru');
    const page = await q.newPage();
    await page.goto(q.url);
    await chooseLanguage(page, 'ru');
    await page.getByLabel(ru('signIn.login'), { exact: true }).fill('secretary.ppo-00001');
    await page.getByLabel(ru('signIn.password'), { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: ru('signIn.submit'), exact: true }).click();
    const alert = page.getByRole('alert');
    assert.equal((await alert.innerText()).trim(), ru('signIn.wrong'));
    await screenshot(page, 'ru-sign-in-wrong-password');
    await page.context().close();
  });

  it('a document that is not there is said in Kazakh, without the problem’s JSON', async () => {
    const kk = words('kk');
    const page = await q.newPage();
    await q.signIn(page, 'secretary.ppo-00001', 'kk');
    await page.goto(`${q.url}/#/documents/999`);
    const alert = page.getByRole('alert');
    await see(page, kk('problem.notFound'), { within: alert });
    assert.doesNotMatch(await alert.innerText(), /[{}"]|urn:qujat|"status"/);
    await page.context().close();
  });
});

it('signing in takes only the keyboard: Tab reaches the login, then the password, Enter sends', async () => {
  const en = words('en');
  const page = await q.newPage();
  await page.goto(q.url);
  await heading(page, en('signIn.title'));
  const focused = (locator) => locator.evaluate((element) => element === document.activeElement);
  const login = page.getByLabel(en('signIn.login'), { exact: true });
  for (let tabs = 0; tabs < 10 && !(await focused(login)); tabs++) await page.keyboard.press('Tab');
  assert.ok(await focused(login), 'Tab does not reach the login field');
  await page.keyboard.type('auditor.ast');
  await page.keyboard.press('Tab');
  assert.ok(await focused(page.getByLabel(en('signIn.password'), { exact: true })), 'Tab from the login does not go to the password');
  await page.keyboard.type(q.system.password('auditor.ast'));
  await page.keyboard.press('Enter');
  await heading(page, en('inbox.title'));
  await page.context().close();
});

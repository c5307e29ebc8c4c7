// The words a person reads on the screen and the moves every journey makes with them. Labels
// and buttons are found by the text of the chosen language (the UI's own dictionaries), so a
// test that passes in Kazakh has found its way through the Kazakh screen.
import assert from 'node:assert/strict';
import en from '../../src/i18n/en.js';
import kk from '../../src/i18n/kk.js';
import ru from '../../src/i18n/ru.js';

const dictionaries = { kk, ru, en };
export const languageNames = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

// words('ru')('inbox.summary', {count: 2}) → the text the Russian screen shows;
// words('ru').pattern('route.signedBy') → a RegExp matching it whatever fills its blanks.
export function words(lang) {
  const dictionary = dictionaries[lang];
  const template = (key) => {
    assert.ok(dictionary[key] !== undefined, `no ${lang} text for ${key}`);
    return dictionary[key];
  };
  const t = (key, params = {}) =>
    template(key).replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  t.pattern = (key) =>
    new RegExp(template(key).split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+'));
  return t;
}

export async function chooseLanguage(page, lang) {
  await page.getByRole('button', { name: languageNames[lang], exact: true }).click();
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
}

// Opens the site, picks the language on the sign-in screen, signs in and waits for the inbox.
export async function signIn(page, system, login, lang) {
  const t = words(lang);
  await page.goto(system.url);
  await chooseLanguage(page, lang);
  await page.getByLabel(t('signIn.login'), { exact: true }).fill(login);
  await page.getByLabel(t('signIn.password'), { exact: true }).fill(system.password(login));
  await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();
  await heading(page, t('inbox.title'));
}

// Waits until the screen's main heading (h1) says `text`.
export function heading(page, text) {
  return page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
}

// Waits until `text` is visible somewhere on the page (inside `within` if given).
export function see(page, text, { within, exact = false } = {}) {
  return (within ?? page).getByText(text, { exact }).first().waitFor();
}

// The text of the element, with runs of white space made single (what a reader takes in).
export async function textOf(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

export function openMenu(page, t, key) {
  return page.getByRole('navigation', { name: t('nav.label') }).getByRole('link', { name: t(key), exact: true }).click();
}

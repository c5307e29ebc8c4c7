// The three dictionaries say the same things: identical key sets, no empty text, and the same
// {placeholders} in each translation (a missing one would drop a name or a number from the
// sentence a person reads).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import en from '../src/i18n/en.js';
import kk from '../src/i18n/kk.js';
import ru from '../src/i18n/ru.js';

const dictionaries = { kk, ru, en };
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  for (const [lang, dictionary] of Object.entries(dictionaries)) {
    if (lang === 'en') continue;
    it(`${lang} has exactly the keys of en`, () => {
      const missing = Object.keys(en).filter((k) => !(k in dictionary));
      const extra = Object.keys(dictionary).filter((k) => !(k in en));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
    });
    it(`${lang} keeps every placeholder of en`, () => {
      const differing = Object.keys(en).filter((k) => k in dictionary)
        .filter((k) => placeholders(en[k]).join() !== placeholders(dictionary[k]).join());
      assert.deepEqual(differing, []);
    });
  }
  it('no text is empty', () => {
    const empty = Object.entries(dictionaries).flatMap(([lang, d]) =>
      Object.entries(d).filter(([, text]) => typeof text !== 'string' || !text.trim()).map(([k]) => `${lang}:${k}`));
    assert.deepEqual(empty, []);
  });
});

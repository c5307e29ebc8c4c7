// The chosen language: strings from the three dictionaries (identical key sets, checked by
// tests/i18n-keys.test.mjs), the choice kept in localStorage and mirrored in <html lang>.
// Dates and numbers: format.js.
import { useEffect, useState } from 'preact/hooks';
import kk from './kk.js';
import ru from './ru.js';
import en from './en.js';

export const LOCALES = [
  { code: 'kk', intl: 'kk-KZ', name: 'Қазақша', dictionary: kk },
  { code: 'ru', intl: 'ru-RU', name: 'Русский', dictionary: ru },
  { code: 'en', intl: 'en-GB', name: 'English', dictionary: en },
];
const STORAGE_KEY = 'qujat.locale';

function byCode(code) { return LOCALES.find((l) => l.code === code); }

function storedLocale() {
  try { return localStorage.getItem(STORAGE_KEY); } catch { return null; }
}

// The remembered choice, else the browser's first language we speak, else Kazakh.
function initialLocale() {
  const stored = storedLocale();
  if (byCode(stored)) return stored;
  for (const tag of navigator.languages || [navigator.language]) {
    const code = String(tag).slice(0, 2).toLowerCase();
    if (byCode(code)) return code;
  }
  return 'kk';
}

let current = byCode(initialLocale());
const listeners = new Set();
document.documentElement.lang = current.code;

export function locale() { return current.code; }

// The BCP 47 tag for Intl: 'kk-KZ', 'ru-RU' or 'en-GB'.
export function intlLocale() { return current.intl; }

export function setLocale(code) {
  const next = byCode(code);
  if (!next || next === current) return;
  current = next;
  try { localStorage.setItem(STORAGE_KEY, code); } catch { /* private mode: the choice lasts this page */ }
  document.documentElement.lang = code;
  for (const listener of listeners) listener(code);
}

// Re-renders the calling component when the language changes.
export function useLocale() {
  const [code, setCode] = useState(current.code);
  useEffect(() => {
    listeners.add(setCode);
    return () => listeners.delete(setCode);
  }, []);
  return code;
}

// t('due.by', {when}) → the string with {when} filled in; a missing key shows itself.
export function t(key, params) {
  const text = current.dictionary[key];
  if (text === undefined) return key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m)) : text;
}

export function has(key) { return key in current.dictionary; }

// A {kk, ru, en} object from the API in the chosen language (Russian, then English, as fallbacks).
export function localized(value) {
  if (!value || typeof value !== 'object') return value ?? '';
  return value[current.code] || value.ru || value.en || value.kk || '';
}

// Like t, but the parameters may be elements (a name, a link): returns the pieces to render.
export function tx(key, params) {
  const text = current.dictionary[key] ?? key;
  return text.split(/(\{\w+\})/).filter(Boolean).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name && name in params ? params[name] : piece;
  });
}

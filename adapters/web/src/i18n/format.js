// Dates, times, numbers and sizes in the chosen language, through Intl (kazakhFallback.js
// where the browser's Intl has no Kazakh).
import { intlLocale, locale } from './i18n.js';
import { intlKnowsKazakh, kazakh } from './kazakhFallback.js';

let kazakhByHand = null;
// Kazakh formatted by hand, when the browser cannot (decided once, on first use).
function byHand() {
  if (locale() !== 'kk') return false;
  if (kazakhByHand === null) kazakhByHand = !intlKnowsKazakh();
  return kazakhByHand;
}

function parse(iso) { return iso instanceof Date ? iso : new Date(iso); }

// A calendar date ("2026-11-26", a field value) is a day, not an instant: shown as that day
// wherever the browser is.
export function formatDate(iso) {
  if (!iso) return '';
  const calendarDay = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const when = calendarDay ? new Date(`${iso}T00:00:00Z`) : parse(iso);
  const timeZone = calendarDay ? 'UTC' : undefined;
  if (byHand()) return kazakh.date(when, timeZone);
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone }).format(when);
}

// "29 Oct" from "2026-10-29": for chart axes and other tight places.
export function formatDayMonth(isoDay) {
  const when = new Date(`${isoDay}T00:00:00Z`);
  if (byHand()) return kazakh.dayMonth(when);
  return new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(when);
}

export function formatDateTime(iso) {
  if (!iso) return '';
  if (byHand()) return kazakh.dateTime(parse(iso));
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(parse(iso));
}

export function formatNumber(n) {
  return byHand() ? kazakh.number(n) : new Intl.NumberFormat(intlLocale()).format(n);
}

// "in 2 days" / "3 hours ago", in the largest unit that is at least one.
export function formatRelative(iso, now = Date.now()) {
  const seconds = (parse(iso).getTime() - now) / 1000;
  const [unit, size] = [['day', 86400], ['hour', 3600], ['minute', 60]].find(([, s]) => Math.abs(seconds) >= s) || ['minute', 60];
  const value = Math.round(seconds / size);
  if (byHand()) return kazakh.relative(value, unit);
  return new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' }).format(value, unit);
}

function formatUnit(value, unit, unitDisplay, digits) {
  if (byHand()) return kazakh.unit(value, unit, digits);
  return new Intl.NumberFormat(intlLocale(), { style: 'unit', unit, unitDisplay, maximumFractionDigits: digits }).format(value);
}

// A span of time as days (one decimal), hours or minutes: "1,5 күн", "3 hours".
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined) return '';
  if (seconds >= 86400) return formatUnit(seconds / 86400, 'day', 'long', 1);
  if (seconds >= 3600) return formatUnit(seconds / 3600, 'hour', 'long', 1);
  return formatUnit(seconds / 60, 'minute', 'long', 0);
}

export function formatBytes(bytes) {
  if (bytes >= 1048576) return formatUnit(bytes / 1048576, 'megabyte', 'short', 1);
  if (bytes >= 1024) return formatUnit(bytes / 1024, 'kilobyte', 'short', 1);
  return formatUnit(bytes, 'byte', 'long', 0);
}

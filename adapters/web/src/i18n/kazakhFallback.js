// Kazakh dates and units for browsers whose ICU has no Kazakh data (Debian's Chromium formats
// 'kk-KZ' with the root locale: "2026 M11 27"). The patterns are CLDR's for kk, so people see
// the same text as in a browser with full ICU. Numbers: Kazakh and Russian share separators.

const MONTHS_SHORT = ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'];

// Whether this browser really knows Kazakh month names.
export function intlKnowsKazakh() {
  const november = new Intl.DateTimeFormat('kk-KZ', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 10, 15)));
  return /қараша/i.test(november);
}

const number = (n, digits = 0) => new Intl.NumberFormat('ru-RU', { maximumFractionDigits: digits }).format(n);
const pad = (n) => String(n).padStart(2, '0');

function parts(when, timeZone) {
  const utc = timeZone === 'UTC';
  return {
    year: utc ? when.getUTCFullYear() : when.getFullYear(),
    month: utc ? when.getUTCMonth() : when.getMonth(),
    day: utc ? when.getUTCDate() : when.getDate(),
    hours: when.getHours(),
    minutes: when.getMinutes(),
  };
}

export const kazakh = {
  date(when, timeZone) {
    const p = parts(when, timeZone);
    return `${p.year} ж. ${p.day} ${MONTHS_SHORT[p.month]}`;
  },
  dateTime(when) {
    const p = parts(when);
    return `${p.year} ж. ${p.day} ${MONTHS_SHORT[p.month]}, ${pad(p.hours)}:${pad(p.minutes)}`;
  },
  dayMonth(when) {
    const p = parts(when, 'UTC');
    return `${p.day} ${MONTHS_SHORT[p.month]}`;
  },
  number,
  // "3 күн бұрын", "2 сағаттан кейін"
  relative(value, unit) {
    const word = { day: ['күн', 'күннен'], hour: ['сағат', 'сағаттан'], minute: ['минут', 'минуттан'] }[unit];
    if (unit === 'day' && value === 0) return 'бүгін';
    if (unit === 'day' && value === -1) return 'кеше';
    if (unit === 'day' && value === 1) return 'ертең';
    return value < 0 ? `${number(-value)} ${word[0]} бұрын` : `${number(value)} ${word[1]} кейін`;
  },
  unit(value, unit, digits) {
    const word = { day: 'күн', hour: 'сағат', minute: 'минут', byte: 'байт', kilobyte: 'КБ', megabyte: 'МБ' }[unit];
    return `${number(value, digits)} ${word}`;
  },
};

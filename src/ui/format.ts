/**
 * Numbers, sizes and times as people read them, through Intl in the browser's language:
 * "80 GB", "1,204", "62%", "3 days ago". No surface prints a raw byte count or a code name.
 */
const locale = (): string | undefined => (typeof navigator === 'undefined' ? undefined : navigator.language);

export const formatNumber = (value: number, maximumFractionDigits = 0): string => new Intl.NumberFormat(locale(), { maximumFractionDigits }).format(value);

export const formatPercent = (fraction: number): string => new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Sizes in 1024-steps with the familiar unit names, as the download and storage figures have always been: 80011 MB → "78 GB". */
export const formatBytes = (bytes: number): string => {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 0 : 1;
  return new Intl.NumberFormat(locale(), { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
};

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
];

/** "just now", "5 minutes ago", "3 days ago", "in 2 hours". */
export const formatRelative = (time: number, now = Date.now()): string => {
  let delta = (time - now) / 1000;
  if (Math.abs(delta) < 45) return new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' }).format(0, 'second');
  for (const [unit, size] of STEPS) {
    if (Math.abs(delta) < size) return new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' }).format(Math.round(delta), unit);
    delta /= size;
  }
  return '';
};

export const formatDate = (time: number): string => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(time);

export const formatMonth = (time: number): string => new Intl.DateTimeFormat(locale(), { month: 'short', year: '2-digit' }).format(time);

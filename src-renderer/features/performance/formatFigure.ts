import { metricUnits, type MetricKey } from '../../../src-shared/performance/sheetView';

/** 3 725 s → 1:02:05; 125 s → 2:05. */
export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export function formatFigure(metric: MetricKey, value: number | null, language: string): string {
  if (value === null) return '—';
  const locale = language === 'en' ? 'en-GB' : 'uk-UA';
  switch (metricUnits[metric]) {
    case 'seconds':
      return formatSeconds(value);
    case 'ratio':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
        value,
      );
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  }
}

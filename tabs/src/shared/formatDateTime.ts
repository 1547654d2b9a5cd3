import { DateTime } from 'luxon';
import { ZONE } from '@domain/dates';

/** 'dd.mm.yyyy HH:mm' in Copenhagen, for "saved at". */
export function formatDateTime(iso: string): string {
  const parsed = DateTime.fromISO(iso, { zone: ZONE });
  return parsed.isValid ? parsed.toFormat('dd.MM.yyyy HH:mm') : iso;
}

/** The clock time of a save, in Copenhagen: '14.32' in Danish, '14:32' in English ("Gemt kl. 14.32"). */
export function formatClock(date: Date, locale: 'da' | 'en'): string {
  return DateTime.fromJSDate(date, { zone: ZONE }).toFormat(locale === 'da' ? 'HH.mm' : 'HH:mm');
}

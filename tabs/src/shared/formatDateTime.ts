import { DateTime } from 'luxon';
import { ZONE } from '@domain/dates';

/** 'dd.mm.yyyy HH:mm' in Copenhagen, for "saved at". */
export function formatDateTime(iso: string): string {
  const parsed = DateTime.fromISO(iso, { zone: ZONE });
  return parsed.isValid ? parsed.toFormat('dd.MM.yyyy HH:mm') : iso;
}

import { DateTime } from 'luxon';
import { ZONE } from '@domain/dates';
import type { PersonalInvitation } from '@domain/model';
import type { MessageKey, MessageParams } from '@i18n';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** 'dd.mm.yyyy' of an instant, in Copenhagen. */
export function dayOf(iso: string | undefined): string {
  if (!iso) return '';
  const parsed = DateTime.fromISO(iso, { zone: ZONE });
  return parsed.isValid ? parsed.toFormat('dd.MM.yyyy') : '';
}

/** "Ikke inviteret" / "Inviteret 03.03.2026 (Teams)" / "Har sagt ja (04.03.2026)" / "Har sagt nej (04.03.2026)". */
export function invitationStatusText(t: Translate, invitation: Pick<PersonalInvitation, 'status' | 'via' | 'sentAt' | 'answeredAt'> | undefined): string {
  if (!invitation?.status) return t('invitation.status.none');
  if (invitation.status === 'invited') {
    return t('invitation.status.invited', { date: dayOf(invitation.sentAt), via: t(`invitation.via.${invitation.via ?? 'other'}`) });
  }
  return t(`invitation.status.${invitation.status}`, { date: dayOf(invitation.answeredAt) });
}

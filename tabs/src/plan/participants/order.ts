import type { Locale } from '@i18n';
import type { Participant } from '@domain/model';

/** Core participants first (the stable group that meets every time), then those invited along the way; by name. */
export function orderParticipants<P extends Pick<Participant, 'kind' | 'name'>>(participants: readonly P[], locale: Locale): P[] {
  const collator = new Intl.Collator(locale === 'da' ? 'da-DK' : 'en-GB');
  return [...participants].sort(
    (a, b) => Number(a.kind !== 'core') - Number(b.kind !== 'core') || collator.compare(a.name, b.name),
  );
}

/** "Jens Jensen, ØS" — how the handbook's planning tool writes a person. */
export function nameWithUnit(participant: Pick<Participant, 'name' | 'unit'>): string {
  return participant.unit.trim() ? `${participant.name}, ${participant.unit.trim()}` : participant.name;
}

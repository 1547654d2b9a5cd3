import { roleLabel } from '@domain/labels';
import type { Participant } from '@domain/model';
import { useApp } from '../../shell/AppContext';

/** A <select>'s options for choosing a participant (an idea's owner, a role's holder): "Name · role", in the given order. */
export function ParticipantOptions({ participants }: { participants: readonly Pick<Participant, 'id' | 'name' | 'role'>[] }) {
  const { locale } = useApp();
  return (
    <>
      {participants.map((p) => (
        <option key={p.id} value={p.id}>
          {`${p.name} · ${roleLabel(p.role, locale)}`}
        </option>
      ))}
    </>
  );
}

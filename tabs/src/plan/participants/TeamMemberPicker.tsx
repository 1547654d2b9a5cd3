import { useState } from 'react';
import { Combobox, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import type { TeamMember } from './useTeamMembers';

const NONE = '-';
const NO_MATCH = 'no-match';

const useStyles = makeStyles({
  email: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

interface Props {
  members: TeamMember[];
  /** The linked Entra object id, '' when none. */
  userId: string;
  /** A member chosen, or undefined for "no Teams user". */
  onPick: (member: TeamMember | undefined) => void;
}

/**
 * "Teams-bruger": one of the team's members, found by typing part of a name or e-mail, or none. A link to someone
 * who is not (or no longer) in the team stays as it is, shown by its id, until another choice is made.
 */
export function TeamMemberPicker({ members, userId, onPick }: Props) {
  const { t } = useApp();
  const styles = useStyles();
  // What the user is typing to search; undefined shows the linked person.
  const [query, setQuery] = useState<string>();
  const linked = members.find((m) => m.userId === userId);
  const linkedText = !userId ? '' : (linked?.name ?? t('tab.participants.field.member.other', { userId }));
  const typed = query?.trim().toLowerCase() ?? '';
  const shown = typed ? members.filter((m) => `${m.name} ${m.email ?? ''}`.toLowerCase().includes(typed)) : members;

  return (
    <Combobox
      value={query ?? linkedText}
      selectedOptions={[userId || NONE]}
      placeholder={t('tab.participants.field.member.placeholder')}
      onChange={(event) => setQuery(event.target.value)}
      onOpenChange={(_event, data) => {
        if (!data.open) setQuery(undefined);
      }}
      onOptionSelect={(_event, data) => {
        setQuery(undefined);
        if (data.optionValue === NONE) onPick(undefined);
        else {
          const member = members.find((m) => m.userId === data.optionValue);
          if (member) onPick(member);
        }
      }}
    >
      <Option value={NONE}>{t('tab.participants.field.member.none')}</Option>
      {userId && !linked && <Option value={userId}>{linkedText}</Option>}
      {shown.map((member) => (
        <Option key={member.userId} value={member.userId} text={member.name}>
          <span>
            {member.name}
            {member.email && <span className={styles.email}>{member.email}</span>}
          </span>
        </Option>
      ))}
      {typed && shown.length === 0 && (
        <Option value={NO_MATCH} disabled>
          {t('tab.participants.field.member.noMatch', { text: query?.trim() ?? '' })}
        </Option>
      )}
    </Combobox>
  );
}

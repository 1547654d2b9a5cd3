import { makeStyles, tokens } from '@fluentui/react-components';
import type { PersonalInvitation } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import { CheckIcon } from '../../shared/formKit';
import { invitationStatusText } from './status';

const useStyles = makeStyles({
  accepted: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  declined: { color: tokens.colorNeutralForeground1 },
  none: { color: tokens.colorNeutralForeground2 },
});

/** An invitation's state in words (never colour alone), for the invitations table and *Deltagere*. */
export function InvitationStatus({ invitation }: { invitation?: Pick<PersonalInvitation, 'status' | 'via' | 'sentAt' | 'answeredAt'> }) {
  const { t } = useApp();
  const styles = useStyles();
  const text = invitationStatusText(t, invitation);
  if (invitation?.status === 'accepted') {
    return (
      <span className={styles.accepted} data-invitation-status="accepted">
        <CheckIcon /> {text}
      </span>
    );
  }
  return (
    <span className={invitation?.status ? styles.declined : styles.none} data-invitation-status={invitation?.status ?? 'none'}>
      {text}
    </span>
  );
}

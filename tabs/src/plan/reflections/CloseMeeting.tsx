import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Meeting } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import { SaveFailureBar, useSaver } from '../../shared/formKit';
import { dayOf } from './status';
import { type MeetingApi } from '../../shell/networkApi';

const useStyles = makeStyles({
  box: { display: 'grid', gap: '8px', marginBlock: '12px', maxWidth: '70ch' },
  state: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', gap: '8px', alignItems: 'center' },
});

interface Props {
  meeting: Meeting;
  label: string;
  meetingApi: MeetingApi;
  reload: () => Promise<void>;
  onChanged: (message: string) => void;
}

/** "Luk mødet" / "Genåbn mødet": closing stops the reflections from being changed; with the meeting's ETag. */
export function CloseMeeting({ meeting, label, meetingApi, reload, onChanged }: Props) {
  const { t } = useApp();
  const styles = useStyles();
  const saver = useSaver([]);
  const closed = !!meeting.closedAt;

  const toggle = async () => {
    const ok = await saver.run(async () => {
      await (closed ? meetingApi.reopen : meetingApi.close)(meeting.etag);
      await reload();
    });
    if (ok) onChanged(t(closed ? 'tab.reflections.reopened' : 'tab.reflections.closed', { label }));
  };

  return (
    <div className={styles.box}>
      <p className={styles.state}>{meeting.closedAt ? t('tab.reflections.closedOn', { date: dayOf(meeting.closedAt) }) : t('tab.reflections.open')}</p>
      <p className={styles.hint}>{t('tab.reflections.close.hint')}</p>
      <SaveFailureBar
        failure={saver.failure}
        onReload={async () => {
          await reload();
          saver.clear();
        }}
      />
      <div className={styles.buttons}>
        <Button onClick={() => void toggle()} disabledFocusable={saver.saving}>
          {t(closed ? 'tab.reflections.reopen' : 'tab.reflections.close')}
        </Button>
        {saver.saving && <Spinner size="tiny" label={t('tab.planner.saving')} />}
      </div>
    </div>
  );
}

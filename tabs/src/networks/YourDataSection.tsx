import { useState } from 'react';
import { Button, Field, Input, Spinner, Text, makeStyles } from '@fluentui/react-components';
import { useApp } from '../shell/AppContext';
import { saveFile } from '../shared/saveFile';
import { ConfirmDialog } from '../shared/formKit';
import { OutcomeMessage, SendButton, type Outcome } from '../shared/SendButton';

// Data protection on "Mine netværk": everyone downloads what is stored about them; a privacy officer
// (the Entra app role PrivacyOfficer, checked again by the server) exports or erases anyone.

const PRIVACY_OFFICER = 'PrivacyOfficer';

const useStyles = makeStyles({
  section: { marginTop: '32px', maxWidth: '760px' },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', marginTop: '8px' },
});

export function YourDataSection() {
  const { api, t } = useApp();
  const styles = useStyles();
  const download = async () => {
    const file = await api.download('/api/me/export', 'netvaerk-mine-data.json');
    saveFile(file);
    return t('tab.privacy.downloaded', { file: file.filename });
  };
  return (
    <section aria-labelledby="your-data" className={styles.section}>
      <h2 id="your-data">{t('tab.privacy.title')}</h2>
      <Text as="p" block>{t('tab.privacy.intro')}</Text>
      <SendButton label={t('tab.privacy.download')} busyLabel={t('tab.privacy.working')} send={download} />
    </section>
  );
}

export function PrivacyOfficerSection() {
  const { api, t, me } = useApp();
  const styles = useStyles();
  const [who, setWho] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  if (!me.identity.roles?.includes(PRIVACY_OFFICER)) return null;

  const subject = () => (who.includes('@') ? { email: who.trim() } : { userId: who.trim() });
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome({ intent: 'success', message: await work() });
    } catch (error) {
      setOutcome({ intent: 'error', message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const exportData = () =>
    run(async () => {
      const data = await api.post<unknown>('/api/privacy/export', subject());
      const filename = `netvaerk-persondata-${who.trim().replace(/[^A-Za-z0-9@._-]+/g, '-')}.json`;
      saveFile({ blob: new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), filename });
      return t('tab.privacy.downloaded', { file: filename });
    });
  const erase = () => {
    setConfirming(false);
    return run(async () => {
      const report = await api.post<{ networksChanged: number; privateReflectionsDeleted: number; scheduledMessagesDeleted: number }>('/api/privacy/erase', subject());
      return t('tab.privacy.erased', { who: who.trim(), networks: report.networksChanged, reflections: report.privateReflectionsDeleted, messages: report.scheduledMessagesDeleted });
    });
  };
  const ready = who.trim().length > 0 && !busy;
  return (
    <section aria-labelledby="privacy-officer" className={styles.section}>
      <h2 id="privacy-officer">{t('tab.privacy.officerTitle')}</h2>
      <Text as="p" block>{t('tab.privacy.officerIntro')}</Text>
      <Field label={t('tab.privacy.subject')} hint={t('tab.privacy.subjectHint')}>
        <Input value={who} onChange={(_event, data) => setWho(data.value)} />
      </Field>
      <div className={styles.row}>
        <Button disabledFocusable={!ready} onClick={() => void exportData()}>{t('tab.privacy.export')}</Button>
        <Button disabledFocusable={!ready} onClick={() => setConfirming(true)}>{t('tab.privacy.erase')}</Button>
        {busy && <Spinner size="tiny" label={t('tab.privacy.working')} />}
      </div>
      <OutcomeMessage outcome={outcome} />
      <ConfirmDialog
        open={confirming}
        title={t('tab.privacy.confirmTitle', { who: who.trim() })}
        body={<Text as="p" block>{t('tab.privacy.confirmBody')}</Text>}
        confirmLabel={t('tab.privacy.confirm')}
        onConfirm={() => void erase()}
        onCancel={() => setConfirming(false)}
        onReload={async () => {}}
      />
    </section>
  );
}

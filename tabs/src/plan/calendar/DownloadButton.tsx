import { useState } from 'react';
import { Button, Spinner } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import { saveFile } from '../../shared/saveFile';

export type Outcome = { intent: 'success' | 'error' | 'info' | 'warning'; message: string };

interface Props {
  path: string;
  /** The name when the server gives none. */
  fallbackName: string;
  label: string;
  /** A longer accessible name that starts with the visible label ("Hent .ics-fil til Netværksmøde 2 af 5"). */
  ariaLabel?: string;
  appearance?: 'primary' | 'secondary';
  onOutcome: (outcome: Outcome) => void;
}

/** Downloads a calendar file through the API (with the caller's identity) and saves it; says how it went. */
export function DownloadButton({ path, fallbackName, label, ariaLabel, appearance, onOutcome }: Props) {
  const { api, t } = useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const file = await api.download(path, fallbackName);
      saveFile(file);
      onOutcome({ intent: 'success', message: t('tab.calendar.downloaded', { file: file.filename }) });
    } catch (error) {
      onOutcome({ intent: 'error', message: t('tab.calendar.downloadFailed', { reason: (error as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button appearance={appearance} aria-label={ariaLabel} disabledFocusable={busy} onClick={() => void run()}>
        {label}
      </Button>
      {busy && <Spinner size="tiny" label={t('tab.calendar.downloading')} />}
    </>
  );
}

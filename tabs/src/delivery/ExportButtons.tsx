import { useState } from 'react';
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '@i18n';
import { useApp } from '../shell/AppContext';
import { saveFile } from '../shared/saveFile';
import { PrintIcon } from '../shared/formKit';
import { OutcomeMessage, type Outcome } from '../shared/SendButton';
import { networkApi } from '../shell/networkApi';

// The delivery out of Teams: a Word document in Danish or English (GET …/delivery.docx?lang=, fetched with the
// user's identity and saved under the server's file name) and the print view (?view=print).

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  hint: { margin: '4px 0 8px', color: tokens.colorNeutralForeground2 },
});

const LANGUAGES: { lang: Locale; label: 'tab.delivery.export.wordDa' | 'tab.delivery.export.wordEn' }[] = [
  { lang: 'da', label: 'tab.delivery.export.wordDa' },
  { lang: 'en', label: 'tab.delivery.export.wordEn' },
];

/** The print view of this page: the same address with ?view=print. */
export function printUrl(): string {
  const url = new URL(window.location.href);
  url.searchParams.set('view', 'print');
  url.hash = '';
  return url.toString();
}

export function ExportButtons({ networkId, dirty, saved }: { networkId: string; dirty: boolean; saved: boolean }) {
  const { api, t } = useApp();
  const styles = useStyles();
  const [busy, setBusy] = useState<Locale>();
  const [outcome, setOutcome] = useState<Outcome>();

  const download = async (lang: Locale) => {
    setBusy(lang);
    setOutcome(undefined);
    try {
      const file = await networkApi(api, networkId).delivery.document(lang, `${t('delivery.filename')}.docx`);
      saveFile(file);
      setOutcome({ intent: 'success', message: t('tab.delivery.export.downloaded', { file: file.filename }) });
    } catch (error) {
      setOutcome({ intent: 'error', message: t('tab.delivery.export.failed', { reason: (error as Error).message }) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="delivery-export-heading">
      <h2 id="delivery-export-heading">{t('tab.delivery.export.heading')}</h2>
      <p className={styles.hint}>
        {t(!saved ? 'tab.delivery.export.nothingSaved' : dirty ? 'tab.delivery.export.unsavedNote' : 'tab.delivery.export.savedOnly')}
      </p>
      <div className={styles.buttons}>
        {LANGUAGES.map(({ lang, label }) => (
          <Button key={lang} disabledFocusable={!!busy} onClick={() => void download(lang)}>
            {t(label)}
          </Button>
        ))}
        <Button as="a" href={printUrl()} icon={<PrintIcon />}>
          {t('tab.delivery.export.print')}
        </Button>
        {busy && <Spinner size="tiny" label={t('tab.delivery.export.downloading')} />}
      </div>
      <OutcomeMessage outcome={outcome} />
    </section>
  );
}

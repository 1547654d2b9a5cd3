import { useEffect, useState } from 'react';
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import { AdaptiveCardView } from './AdaptiveCardView';
import type { agendaBody } from './agendaDraft';

const DEBOUNCE_MS = 400;

const useStyles = makeStyles({
  region: { display: 'grid', gap: '8px', alignContent: 'start' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  status: { minHeight: '20px' },
});

interface Props {
  path: string;
  body: ReturnType<typeof agendaBody>;
  /** Changes when the saved meeting does (its preparation is on the card): the preview is asked for again. */
  version?: string;
}

/** The agenda card as it would be posted, from the unsaved draft; asked for again ~400 ms after the last keystroke. */
export function AgendaPreview({ path, body, version }: Props) {
  const { api, t } = useApp();
  const styles = useStyles();
  const request = JSON.stringify(body);
  const [card, setCard] = useState<object>();
  const [failure, setFailure] = useState<string>();
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    const timer = setTimeout(async () => {
      try {
        const answer = await api.post<{ card: object }>(path, JSON.parse(request));
        if (stale) return;
        setCard(answer.card);
        setFailure(undefined);
      } catch (error) {
        if (!stale) setFailure((error as Error).message);
      } finally {
        if (!stale) setLoading(false);
      }
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [api, path, request, version]);

  return (
    <section aria-labelledby="agenda-preview-heading" className={styles.region} aria-busy={loading}>
      <h3 id="agenda-preview-heading" className={styles.heading}>
        {t('tab.agenda.preview.heading')}
      </h3>
      <p className={styles.intro}>{t('tab.agenda.preview.intro')}</p>
      <div className={styles.status}>{loading && <Spinner size="tiny" labelPosition="after" label={t('tab.agenda.preview.loading')} />}</div>
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{t('tab.agenda.preview.failed', { message: failure })}</MessageBarBody>
        </MessageBar>
      )}
      {card && <AdaptiveCardView card={card} />}
    </section>
  );
}

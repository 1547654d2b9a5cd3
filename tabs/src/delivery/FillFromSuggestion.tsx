import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MessageKey } from '@i18n';
import { useApp } from '../shell/AppContext';
import { applyAnswers, fillEmpty, type DeliveryDraft, type DraftRecommendation, type FillQuestion, type TextField } from './deliveryDraft';
import type { DeliveryDraftState } from './useDeliveryDraft';

// "Fyld ud fra opsamlinger og analyse": empty fields are filled from GET …/delivery/draft at once; where the leader
// already wrote something else, a dialog asks field by field (nothing is replaced unless ticked).

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  hint: { margin: '4px 0 0', color: tokens.colorNeutralForeground2, maxWidth: '75ch' },
  choice: { display: 'grid', gap: '2px', marginBlock: '8px' },
  suggestion: {
    margin: '0 0 0 32px',
    padding: '6px 10px',
    maxHeight: '10em',
    overflowY: 'auto',
    whiteSpace: 'pre-line',
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  list: { margin: 0, paddingInlineStart: '20px' },
});

export const FIELD_LABEL: Record<TextField | 'recommendations', MessageKey> = {
  theme: 'delivery.theme',
  knowledgeSummary: 'delivery.knowledgeSummary',
  practiceChanges: 'delivery.practiceChanges',
  recommendations: 'delivery.recommendations',
  other: 'delivery.other',
};

interface Question {
  draft: DeliveryDraft;
  questions: FillQuestion[];
  missing: DraftRecommendation[];
  filled: string[];
}

export function FillFromSuggestion({ state }: { state: DeliveryDraftState }) {
  const { t } = useApp();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'info' | 'error'; message: string }>();
  const [asking, setAsking] = useState<Question>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());

  // The message bar announces itself (Fluent's announcer), so it is not said twice.
  const say = (intent: 'success' | 'info' | 'error', message: string) => setOutcome({ intent, message });
  const filledMessage = (fields: string[]) =>
    fields.length ? t('tab.delivery.filled', { fields: fields.join(', ') }) : t('tab.delivery.fillNothing');

  const fill = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const suggestion = await state.suggestion();
      const result = fillEmpty(state.draft, suggestion);
      const filled = result.filled.map((field) => t(FIELD_LABEL[field]));
      state.setDraft(() => result.draft);
      if (result.questions.length || result.missingRecommendations.length) {
        setChosen(new Set());
        setAsking({ draft: result.draft, questions: result.questions, missing: result.missingRecommendations, filled });
      } else {
        say(filled.length ? 'success' : 'info', filledMessage(filled));
      }
    } catch (error) {
      say('error', t('tab.delivery.fillFailed', { reason: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const answer = (apply: boolean) => {
    if (!asking) return;
    const questions = apply ? asking.questions.filter((q) => chosen.has(q.field)) : [];
    const add = apply && chosen.has('recommendations') ? asking.missing : [];
    if (questions.length || add.length) state.setDraft((current) => applyAnswers(current, questions, add));
    const replaced = [...questions.map((q) => t(FIELD_LABEL[q.field])), ...(add.length ? [t(FIELD_LABEL.recommendations)] : [])];
    const fields = [...asking.filled, ...replaced];
    say(fields.length ? 'success' : 'info', fields.length ? filledMessage(fields) : t('tab.delivery.fillKept'));
    setAsking(undefined);
  };

  const toggle = (key: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <div>
      <div className={styles.row}>
        <Button id="delivery-fill" onClick={() => void fill()} disabledFocusable={busy}>
          {t('tab.delivery.fill')}
        </Button>
        {busy && <Spinner size="tiny" label={t('tab.delivery.filling')} />}
      </div>
      <p className={styles.hint}>{t('tab.delivery.fill.hint')}</p>
      {outcome && (
        <MessageBar intent={outcome.intent} layout="multiline">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={!!asking} modalType="modal" onOpenChange={(_event, data) => !data.open && answer(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('tab.delivery.fillAsk.title')}</DialogTitle>
            <DialogContent>
              {asking && asking.filled.length > 0 && <p>{filledMessage(asking.filled)}</p>}
              <p>{t('tab.delivery.fillAsk.intro')}</p>
              {asking?.questions.map((question) => (
                <div key={question.field} className={styles.choice}>
                  <Checkbox
                    checked={chosen.has(question.field)}
                    onChange={(_e, d) => toggle(question.field, !!d.checked)}
                    label={t('tab.delivery.fillAsk.replace', { field: t(FIELD_LABEL[question.field]) })}
                    aria-describedby={`delivery-suggestion-${question.field}`}
                  />
                  <div id={`delivery-suggestion-${question.field}`} className={styles.suggestion}>
                    {question.suggestion}
                  </div>
                </div>
              ))}
              {asking && asking.missing.length > 0 && (
                <div className={styles.choice}>
                  <Checkbox
                    checked={chosen.has('recommendations')}
                    onChange={(_e, d) => toggle('recommendations', !!d.checked)}
                    label={t('tab.delivery.fillAsk.addRecommendations', { count: asking.missing.length })}
                    aria-describedby="delivery-suggestion-recommendations"
                  />
                  <div id="delivery-suggestion-recommendations" className={styles.suggestion}>
                    <ul className={styles.list}>
                      {asking.missing.map((r) => (
                        <li key={r.key}>{r.text}</li>
                      ))}
                    </ul>
                  </div>
                </div>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => answer(true)}>
                {t('tab.delivery.fillAsk.apply')}
              </Button>
              <Button onClick={() => answer(false)}>{t('tab.delivery.fillAsk.keep')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

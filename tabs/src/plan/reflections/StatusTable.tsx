import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import { useTableStyles } from '../../shared/formKit';
import type { IdeaSource } from './IdeaDialog';
import type { ReflectionStatus } from '../../shell/networkApi';
import { dayOf, deliveryKey, type ParticipantStatus } from './status';
import { promptCell } from './promptCell';

const useStyles = makeStyles({
  answers: { margin: 0, display: 'grid', gap: '8px' },
  question: { fontWeight: tokens.fontWeightSemibold },
  answer: { margin: 0, whiteSpace: 'pre-wrap' },
  small: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

interface Props {
  caption: string;
  participants: ParticipantStatus[];
  /** When the meeting's questions go out, or whether they did. */
  questions?: ReflectionStatus['questions'];
  onIdea: (source: IdeaSource) => void;
}

/**
 * Per participant: Teams or not, whether the questions arrived (or cannot, why, and what to do), whether and when
 * they answered, what they shared.
 */
export function StatusTable({ caption, participants, questions, onIdea }: Props) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  const yesNo = (value: boolean) => t(value ? 'tab.reflections.yes' : 'tab.reflections.no');
  return (
    <div className={table.wrap}>
      <table className={table.table} data-testid="reflection-status">
        <caption className={table.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>{t('tab.reflections.col.name')}</th>
            <th scope="col" className={table.th}>{t('tab.reflections.col.teams')}</th>
            <th scope="col" className={table.th}>{t('tab.reflections.col.delivery')}</th>
            <th scope="col" className={table.th}>{t('tab.reflections.col.answered')}</th>
            <th scope="col" className={table.th}>{t('tab.reflections.col.shared')}</th>
          </tr>
        </thead>
        <tbody>
          {[...participants].sort((a, b) => a.name.localeCompare(b.name, locale)).map((p) => (
            <tr key={p.participantId} data-participant={p.participantId}>
              <th scope="row" className={table.rowHeader}>{p.name}</th>
              <td className={table.td}>{yesNo(p.hasTeams)}</td>
              <td className={table.td}>
                <PromptState cell={promptCell(p, questions, t)} className={styles.small} />
                {p.reminder && <span className={styles.small}>{t('tab.reflections.reminder', { state: t(deliveryKey(p.reminder)) })}</span>}
              </td>
              <td className={table.td}>{p.answered && p.submittedAt ? t('tab.reflections.answeredOn', { date: dayOf(p.submittedAt) }) : yesNo(p.answered)}</td>
              <td className={table.td}>
                {p.answers?.length ? (
                  <dl className={styles.answers}>
                    {p.answers.map((a, index) => (
                      <div key={index}>
                        <dt className={styles.question}>{a.question}</dt>
                        <dd className={styles.answer}>{a.answer.trim() || <span className={table.muted}>{t('tab.reflections.blank')}</span>}</dd>
                        {a.answer.trim() && (
                          <dd className={styles.answer}>
                            <Button
                              id={`idea-${p.participantId}-${index}`}
                              size="small"
                              aria-label={t('tab.reflections.toIdeasLabel', { name: p.name, question: a.question })}
                              onClick={() => onIdea({ participantId: p.participantId, name: p.name, question: a.question, answer: a.answer, buttonId: `idea-${p.participantId}-${index}` })}
                            >
                              {t('tab.reflections.toIdeas')}
                            </Button>
                          </dd>
                        )}
                      </div>
                    ))}
                  </dl>
                ) : (
                  p.answered && !p.shared && <span className={table.muted}>{t('tab.reflections.notShared')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PromptState({ cell, className }: { cell: ReturnType<typeof promptCell>; className: string }) {
  return (
    <>
      {cell.label}
      {cell.details.map((line) => (
        <span key={line} className={className}>
          {line}
        </span>
      ))}
    </>
  );
}

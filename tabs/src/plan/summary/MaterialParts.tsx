import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { ideaStatusLabel } from '@domain/labels';
import type { SharedReflection } from '@domain/material';
import type { Idea } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import { useTableStyles, visuallyHidden } from '../../shared/formKit';

// The pieces of the plenary view and the analysis material: what participants shared, and the ideas with owners.

const useStyles = makeStyles({
  people: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: '12px' },
  person: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: '10px' },
  name: { margin: '0 0 4px', fontWeight: tokens.fontWeightSemibold },
  answers: { margin: 0, display: 'grid', gap: '6px' },
  question: { color: tokens.colorNeutralForeground2 },
  answer: { margin: 0, whiteSpace: 'pre-wrap', maxWidth: '70ch' },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  // The heading above says the same: the caption names the table for screen readers only.
  hiddenCaption: visuallyHidden,
});

/** The reflections their authors shared: name, then question and answer. */
export function SharedReflectionList({ reflections, empty }: { reflections: SharedReflection[]; empty: string }) {
  const styles = useStyles();
  const withAnswers = reflections.filter((r) => r.answers.length > 0);
  if (withAnswers.length === 0) return <p className={styles.muted}>{empty}</p>;
  return (
    <ul className={styles.people}>
      {withAnswers.map((r) => (
        <li key={r.participantId} className={styles.person} data-participant={r.participantId}>
          <p className={styles.name}>{r.name}</p>
          <dl className={styles.answers}>
            {r.answers.map((a, index) => (
              <div key={index}>
                <dt className={styles.question}>{a.question}</dt>
                <dd className={styles.answer}>{a.answer}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** What a leader may change in an idea's row: its owner and status cells as controls (analysis/IdeaControls.tsx). */
export type IdeaCells = (idea: Idea) => { owner: ReactNode; status: ReactNode };

/** Ideas with their owner (tovholder) and status, as a table; with `cells`, the leader changes them right there. */
export function IdeaTable({ ideas, caption, empty, cells }: { ideas: Idea[]; caption: string; empty: string; cells?: IdeaCells }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  if (ideas.length === 0) return <p className={styles.muted}>{empty}</p>;
  return (
    <div className={table.wrap}>
      <table className={table.table}>
        <caption className={styles.hiddenCaption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>{t('tab.ideas.col.idea')}</th>
            <th scope="col" className={table.th}>{t('tab.ideas.col.owner')}</th>
            <th scope="col" className={table.th}>{t('tab.ideas.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {ideas.map((idea) => {
            const controls = cells?.(idea);
            return (
              <tr key={idea.id} data-idea={idea.id}>
                <th scope="row" className={table.rowHeader}>{idea.text}</th>
                <td className={table.td}>{controls?.owner ?? idea.owner?.name ?? <span className={table.muted}>{t('tab.ideas.noOwner')}</span>}</td>
                <td className={table.td}>{controls?.status ?? ideaStatusLabel(idea.status, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

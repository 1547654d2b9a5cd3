import { useId, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { adviceGroupTitleKey, groupAdvice, type AdviceGroup, type AdviceSection, type LocalizedAdvice } from '@domain/advice';
import type { MessageKey } from '@i18n';
import { useApp } from '../../shell/AppContext';

// Advice that helps without shouting (issue 17): above the sections one line that counts it, the details behind a
// disclosure button; in each section the advice about that section, grouped by kind. It never blocks anything.

const useStyles = makeStyles({
  box: { margin: '8px 0' },
  // One row with the button at its end, but the text wraps on a narrow screen (singleline would cut it off).
  bar: { whiteSpace: 'normal', paddingBlock: '4px', alignItems: 'start' },
  groups: { margin: '4px 0 0', paddingInlineStart: '20px', display: 'grid', gap: '4px' },
  groupTitle: { fontWeight: tokens.fontWeightSemibold },
  where: { color: tokens.colorNeutralForeground2 },
  items: { margin: '2px 0 0', paddingInlineStart: '20px' },
});

const sectionLabelKey = (section: AdviceSection): MessageKey => `tab.plan.${section}`;

/** "3 under Deltagere, 2 under Planlægningsredskab": how many of the advice each section holds, in the order they come. */
function perSection(advice: readonly LocalizedAdvice[], t: ReturnType<typeof useApp>['t']): string {
  const counts = new Map<AdviceSection, number>();
  for (const item of advice) counts.set(item.section, (counts.get(item.section) ?? 0) + 1);
  return [...counts].map(([section, count]) => t('tab.plan.advice.perSection', { count, section: t(sectionLabelKey(section)) })).join(', ');
}

/** The groups as a list: each kind counted ("4 møder uden kernedeltagere"), its advice named inside. */
function GroupList({ groups, id, showSection }: { groups: AdviceGroup<LocalizedAdvice>[]; id: string; showSection?: boolean }) {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <ul id={id} className={styles.groups}>
      {groups.map((group) => (
        <li key={group.group}>
          <span className={styles.groupTitle}>{t(adviceGroupTitleKey(group.group), { count: group.items.length })}</span>
          {showSection && <span className={styles.where}> — {t('tab.plan.advice.where', { section: t(sectionLabelKey(group.section)) })}</span>}
          <ul className={styles.items}>
            {group.items.map((item) => (
              <li key={`${item.message}|${item.refs.join()}`}>{item.message}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** Above the sections: one line that counts the advice and says where it is; "Vis råd (5)" opens all of it. */
export function AdviceBox({ advice }: { advice: readonly LocalizedAdvice[] }) {
  const { t } = useApp();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <section aria-label={t('tab.plan.advice')} className={styles.box} data-testid="plan-advice">
      {advice.length > 0 && (
        <MessageBar intent="info" layout="singleline" className={styles.bar}>
          <MessageBarBody>
            {t('tab.plan.advice.summary', { count: advice.length })} {perSection(advice, t)}.
            {open && <GroupList groups={groupAdvice(advice)} id={listId} showSection />}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" aria-expanded={open} aria-controls={open ? listId : undefined} onClick={() => setOpen(!open)}>
              {open ? t('tab.plan.advice.hide') : t('tab.plan.advice.show', { count: advice.length })}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </section>
  );
}

/**
 * At the top of a section: the advice about it, each kind counted on one line ("1 møde uden kernedeltagere ·
 * 2 deltagere er ikke sat på noget møde"); "Vis detaljer" names the meetings and people.
 */
export function SectionAdvice({ advice, section }: { advice: readonly LocalizedAdvice[]; section: AdviceSection }) {
  const { t } = useApp();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const groups = groupAdvice(advice.filter((item) => item.section === section));
  if (groups.length === 0) return null;
  const count = groups.reduce((sum, group) => sum + group.items.length, 0);
  return (
    <section aria-label={t('tab.plan.advice.sectionLabel', { section: t(sectionLabelKey(section)) })} className={styles.box} data-testid={`section-advice-${section}`}>
      <MessageBar intent="warning" layout="singleline" className={styles.bar}>
        <MessageBarBody>
          {open ? (
            <>
              {t('tab.plan.advice.sectionTitle', { count })}
              <GroupList groups={groups} id={listId} />
            </>
          ) : (
            groups.map((group) => t(adviceGroupTitleKey(group.group), { count: group.items.length })).join(' · ')
          )}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" aria-expanded={open} aria-controls={open ? listId : undefined} onClick={() => setOpen(!open)}>
            {open ? t('tab.plan.advice.hideDetails') : t('tab.plan.advice.showDetails')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </section>
  );
}

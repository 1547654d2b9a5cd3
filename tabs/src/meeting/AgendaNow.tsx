import { useState } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Agenda, AgendaItem, Meeting } from '@domain/model';
import { useApp } from '../shell/AppContext';
import { agendaMoment, endClock, inTimeOrder, type AgendaMoment, type MeetingTimes } from './atHand';

// The agenda in the side panel: one line per item (time – content), the item on now by the clock marked "Nu"
// (aria-current) with its process and purpose open, the next one marked "Næste"; any item opens to show its process
// and purpose. Moves on with the clock (`now`, from useMinuteClock).

const useStyles = makeStyles({
  heading: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  moment: { margin: '0 0 8px', color: tokens.colorNeutralForeground1 },
  muted: { margin: '0 0 8px', color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: '2px' },
  item: {
    borderInlineStartWidth: '4px',
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: 'transparent',
    borderRadius: tokens.borderRadiusMedium,
    paddingInlineStart: '4px',
  },
  current: {
    borderInlineStartColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    // High contrast: the marker must not depend on a background colour the system replaces.
    outline: `1px solid ${tokens.colorBrandStroke1}`,
  },
  line: {
    display: 'grid',
    gridTemplateColumns: '3.25em minmax(0, 1fr)',
    columnGap: '6px',
    alignItems: 'baseline',
    width: '100%',
    minHeight: '32px',
    padding: '4px 4px 4px 0',
    boxSizing: 'border-box',
    textAlign: 'start',
    font: 'inherit',
    color: 'inherit',
    background: 'none',
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
  },
  toggle: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  time: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
  content: { overflowWrap: 'anywhere' },
  contentCurrent: { fontWeight: tokens.fontWeightSemibold },
  badge: {
    display: 'inline-block',
    marginInlineStart: '6px',
    padding: '0 6px',
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    border: `1px solid currentColor`,
    whiteSpace: 'nowrap',
  },
  chevron: { marginInlineStart: '4px', color: tokens.colorNeutralForeground2 },
  details: { margin: '0 0 6px', paddingInlineStart: 'calc(3.25em + 6px)', paddingInlineEnd: '4px' },
  term: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  definition: { margin: '0 0 4px', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

/** The line above the list: what is on now and until when, what comes next, or that the meeting has not begun or is over. */
function momentText(moment: AgendaMoment, meeting: MeetingTimes, t: ReturnType<typeof useApp>['t']): string | undefined {
  switch (moment.phase) {
    case 'before':
      // The first item's time when there is an agenda (a meeting may open before or after its planned start).
      return t('tab.sidePanel.agenda.before', { time: moment.next?.time ?? meeting.start });
    case 'during':
      return t('tab.sidePanel.agenda.nowLine', { content: moment.current.content, until: moment.until });
    case 'on':
      return t('tab.sidePanel.agenda.on', { end: meeting.end });
    case 'after':
      return t('tab.sidePanel.agenda.after', { end: endClock(meeting) });
    default:
      return undefined;
  }
}

export function AgendaNow({ agenda, meeting, now }: { agenda?: Agenda; meeting: Meeting; now: Date }) {
  const { t } = useApp();
  const styles = useStyles();
  const items = inTimeOrder(agenda?.items ?? []);
  const moment = agendaMoment(items, meeting, now);
  const currentId = moment.phase === 'during' ? moment.current.id : undefined;
  const nextId = moment.phase === 'during' || moment.phase === 'before' ? moment.next?.id : undefined;
  const said = momentText(moment, meeting, t);
  const next = moment.phase === 'during' ? moment.next : undefined;
  return (
    <section aria-labelledby="side-panel-agenda">
      <h2 id="side-panel-agenda" className={styles.heading}>
        {t('tab.sidePanel.agenda')}
      </h2>
      {/* Read out when it changes (a new item begins), not every minute: the text changes only then. */}
      <div role="status" data-testid="side-panel-moment">
        {said && <p className={styles.moment}>{said}</p>}
        {next && <p className={styles.muted}>{t('tab.sidePanel.agenda.nextLine', { time: next.time, content: next.content })}</p>}
      </div>
      {items.length === 0 ? (
        <p className={styles.muted}>{t('tab.sidePanel.agenda.none')}</p>
      ) : (
        <ol className={styles.list} aria-labelledby="side-panel-agenda">
          {items.map((item) => (
            <AgendaLine key={item.id} item={item} current={item.id === currentId} next={item.id === nextId} until={moment.phase === 'during' ? moment.until : undefined} />
          ))}
        </ol>
      )}
    </section>
  );
}

function AgendaLine({ item, current, next, until }: { item: AgendaItem; current: boolean; next: boolean; until?: string }) {
  const { t } = useApp();
  const styles = useStyles();
  // The item on now shows how it is run and why at once; any other opens when asked. A choice made sticks.
  const [chosen, setChosen] = useState<boolean>();
  const open = chosen ?? current;
  const hasDetails = !!(item.process.trim() || item.purpose.trim());
  const detailsId = `side-panel-item-${item.id}`;
  const line = (
    <>
      <span className={styles.time}>{item.time}</span>
      <span className={mergeClasses(styles.content, current && styles.contentCurrent)}>
        <span aria-hidden="true">– </span>
        {item.content}
        {current && <span className={styles.badge}>{until ? t('tab.sidePanel.agenda.nowUntil', { until }) : t('tab.sidePanel.agenda.now')}</span>}
        {next && <span className={styles.badge}>{t('tab.sidePanel.agenda.next')}</span>}
        {hasDetails && (
          <span className={styles.chevron} aria-hidden="true">
            {open ? '▴' : '▾'}
          </span>
        )}
      </span>
    </>
  );
  return (
    <li className={mergeClasses(styles.item, current && styles.current)} aria-current={current ? 'time' : undefined} data-testid="side-panel-item">
      {hasDetails ? (
        <button type="button" className={mergeClasses(styles.line, styles.toggle)} aria-expanded={open} aria-controls={open ? detailsId : undefined} onClick={() => setChosen(!open)}>
          {line}
        </button>
      ) : (
        <div className={styles.line}>{line}</div>
      )}
      {hasDetails && open && (
        <dl id={detailsId} className={styles.details}>
          {item.process.trim() && (
            <>
              <dt className={styles.term}>{t('tab.agenda.field.process')}</dt>
              <dd className={styles.definition}>{item.process}</dd>
            </>
          )}
          {item.purpose.trim() && (
            <>
              <dt className={styles.term}>{t('tab.agenda.field.purpose')}</dt>
              <dd className={styles.definition}>{item.purpose}</dd>
            </>
          )}
        </dl>
      )}
    </li>
  );
}

import { useState } from 'react';
import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '@domain/dates';
import { meetingLabel, orderMeetings } from '@domain/labels';
import type { Meeting } from '@domain/model';
import { useApp } from '../shell/AppContext';
import type { SectionProps } from '../plan/SectionProps';
import { copenhagenClock, meetingAtHand } from './atHand';
import { useMinuteClock } from './useMinuteClock';
import { AgendaNow } from './AgendaNow';
import { IdeaLot } from './IdeaLot';
import { SendQuestions } from './SendQuestions';

// The configurable tab in a Teams meeting's side panel (about 320 px wide; ?view=sidepanel in a browser): the network
// meeting at hand — today's, else the next, or the one chosen — with its agenda by the clock, the idea parking lot
// with quick add and owners, and for the leaders the reflection questions sent now.

const useStyles = makeStyles({
  // The side panel is narrow: the page's own margins (AppShell) are halved here, so the text gets the width.
  root: { marginInline: '-12px', marginTop: '-8px', maxWidth: '40rem' },
  title: { margin: '0 0 8px', fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, overflowWrap: 'anywhere' },
  when: { margin: '4px 0 0', color: tokens.colorNeutralForeground2 },
  muted: { margin: '8px 0', color: tokens.colorNeutralForeground2 },
  select: { width: '100%', minWidth: 0 },
});

export function SidePanel({ plan, canEdit, reload }: SectionProps) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const now = useMinuteClock();
  const [chosenId, setChosenId] = useState<string>();
  const meeting = plan.meetings.find((m) => m.id === chosenId) ?? meetingAtHand(plan.meetings, now);
  const today = copenhagenClock(now).date;
  const when = (m: Meeting) =>
    m.date === today ? t('tab.sidePanel.today', { start: m.start, end: m.end }) : t('tab.sidePanel.when', { date: formatDate(m.date), start: m.start, end: m.end });
  return (
    <main className={styles.root} aria-labelledby="side-panel-title" data-testid="side-panel">
      <h1 id="side-panel-title" className={styles.title}>
        {plan.network.name}
      </h1>
      {!meeting ? (
        <p className={styles.muted}>{t('tab.sidePanel.noMeetings')}</p>
      ) : (
        <>
          <Field label={t('tab.sidePanel.meeting')} hint={[meeting.title.trim(), when(meeting)].filter(Boolean).join(' · ')}>
            <Select className={styles.select} value={meeting.id} onChange={(_e, d) => setChosenId(d.value)}>
              {orderMeetings(plan.meetings).map((m) => (
                <option key={m.id} value={m.id}>
                  {/* The date first: in a narrow box the end of a long label is what is cut off. */}
                  {`${formatDate(m.date)} · ${meetingLabel(m, plan.meetings, locale)}`}
                </option>
              ))}
            </Select>
          </Field>
          <AgendaNow agenda={plan.agendas.find((a) => a.meetingId === meeting.id)} meeting={meeting} now={now} />
          <IdeaLot plan={plan} meeting={meeting} canEdit={canEdit} reload={reload} />
          {canEdit && <SendQuestions networkId={plan.network.id} meeting={meeting} now={now} reload={reload} />}
        </>
      )}
    </main>
  );
}

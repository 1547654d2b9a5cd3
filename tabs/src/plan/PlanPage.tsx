import { useState } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList, makeStyles } from '@fluentui/react-components';
import type { MessageKey } from '@i18n';
import { useApp } from '../shell/AppContext';
import { usePlan } from '../shell/usePlan';
import type { SectionProps } from './SectionProps';
import { ThemeSection } from './theme/ThemeSection';
import { ParticipantsSection } from './participants/ParticipantsSection';
import { InvitationsSection } from './invitations/InvitationsSection';
import { MeetingsSection } from './meetings/MeetingsSection';
import { PlannerSection } from './planner/PlannerSection';
import { TimelineSection } from './timeline/TimelineSection';
import { AgendaSection } from './agenda/AgendaSection';
import { ReflectionsSection } from './reflections/ReflectionsSection';
import { CalendarSection } from './calendar/CalendarSection';
import { SummarySection } from './summary/SummarySection';
import { AnalysisSection } from './analysis/AnalysisSection';
import { PrintView } from './print/PrintView';
import { ReachPanel } from './reach/ReachPanel';
import { TabLink } from '../networks/TabLink';

const SECTIONS = [
  { id: 'theme', label: 'tab.plan.theme', Component: ThemeSection },
  { id: 'participants', label: 'tab.plan.participants', Component: ParticipantsSection },
  // The personal and common invitations (handbook: "Indled kontakt til potentielle deltagere"): for the leaders only, like the API.
  { id: 'invitations', label: 'invitation.tab.section', Component: InvitationsSection, leadersOnly: true },
  { id: 'meetings', label: 'tab.plan.meetings', Component: MeetingsSection },
  { id: 'planner', label: 'tab.plan.planner', Component: PlannerSection },
  { id: 'agenda', label: 'tab.plan.agenda', Component: AgendaSection },
  // Who got the questions and who answered: for the leaders only (the API answers 403 to others).
  { id: 'reflections', label: 'tab.plan.reflections', Component: ReflectionsSection, leadersOnly: true },
  // After each meeting: the joint summary beside what participants shared; everybody reads it, the leaders write it.
  { id: 'summary', label: 'tab.plan.summary', Component: SummarySection },
  // The closing meeting's analysis by categories: everybody sees all material and writes notes.
  { id: 'analysis', label: 'tab.plan.analysis', Component: AnalysisSection },
  // Booking the series in calendars (Graph or .ics files): for the leaders only, like the API.
  { id: 'calendar', label: 'tab.plan.calendar', Component: CalendarSection, leadersOnly: true },
  { id: 'timeline', label: 'tab.plan.timeline', Component: TimelineSection },
] as const satisfies readonly { id: string; label: MessageKey; Component: (props: SectionProps) => unknown; leadersOnly?: boolean }[];

type SectionId = (typeof SECTIONS)[number]['id'];

const useStyles = makeStyles({
  advice: { margin: '12px 0' },
  adviceList: { margin: '4px 0 0', paddingInlineStart: '20px' },
  next: { margin: '24px 0 0', maxWidth: '75ch' },
});

/** The network's shared plan: the channel tab's content page. ?networkId= picks the network. */
export function PlanPage() {
  const { t } = useApp();
  const styles = useStyles();
  const networkId = new URLSearchParams(window.location.search).get('networkId') ?? undefined;
  const { plan, error, reload, canEdit } = usePlan(networkId);
  const [section, setSection] = useState<SectionId>(() => (window.location.hash.slice(1) as SectionId) || 'theme');

  if (error) return <MessageBar intent="error"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>;
  if (!plan) return <Spinner label={t('tab.loading')} />;
  if (new URLSearchParams(window.location.search).get('view') === 'print') return <PrintView plan={plan} />;
  const sections = SECTIONS.filter((s) => canEdit || !('leadersOnly' in s));
  const Current = sections.find((s) => s.id === section)?.Component ?? ThemeSection;
  return (
    <main>
      <h1>{plan.network.name}</h1>
      <nav aria-label={t('tab.links.nav')}>
        <TabLink networkId={plan.network.id} kind="delivery" data-testid="plan-delivery-link">
          {t('tab.links.delivery')}
        </TabLink>
      </nav>
      <section aria-label={t('tab.plan.advice')} className={styles.advice}>
        {plan.advice.length > 0 && (
          // One box for all advice: a young plan has many, and stacked bars pushed the plan out of sight.
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('tab.plan.adviceCount', { count: plan.advice.length })}</MessageBarTitle>
              <ul className={styles.adviceList}>
                {plan.advice.map((advice) => (
                  <li key={advice.message}>{advice.message}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
      {canEdit && <ReachPanel plan={plan} />}
      <TabList
        selectedValue={sections.some((s) => s.id === section) ? section : 'theme'}
        onTabSelect={(_event, data) => {
          setSection(data.value as SectionId);
          window.location.hash = String(data.value);
        }}
      >
        {sections.map((s) => (
          <Tab key={s.id} value={s.id}>
            {t(s.label)}
          </Tab>
        ))}
      </TabList>
      <Current plan={plan} canEdit={canEdit} reload={reload} />
      {section === 'analysis' && (
        // After the analysis comes the delivery to Chefforum (the handbook's fase 4): the leader's next step.
        <p className={styles.next}>
          {t('tab.links.analysisNext')}{' '}
          <TabLink networkId={plan.network.id} kind="delivery" data-testid="analysis-delivery-link">
            {t('tab.links.openDelivery')}
          </TabLink>
        </p>
      )}
    </main>
  );
}

import { useEffect, useState } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList, makeStyles } from '@fluentui/react-components';
import type { MessageKey } from '@i18n';
import { useApp } from '../shell/AppContext';
import { planCovers, usePlan, type PlanParts } from '../shell/usePlan';
import { lazyPart, whenIdle, type LazyPart } from '../shell/lazyPart';
import type { SectionProps } from './SectionProps';
import { ReachPanel } from './reach/ReachPanel';
import { TabLink } from '../networks/TabLink';
import { AdviceBox } from './advice/AdviceBox';
import { linkTargetOf, openingOf } from './linkTarget';
import { useFocusOnArrival } from './useFocusOnArrival';
import { LinkedMeeting } from '../shared/MeetingPicker';
import { planUrl } from '../networks/networkDraft';
import { isSidePanel, sidePanel } from '../meeting/entry';
import { SECTION_CODE, printCode } from './sectionCode';
import { pageOpening, partsFor, printAsked } from './opening';

// Each section is its own chunk (./sectionCode.ts), downloaded when it is first shown (or preloaded, below): the
// page's first download holds only the shell, the plan's frame and what every section shares.
const SECTIONS = [
  { id: 'theme', label: 'tab.plan.theme', ...lazyPart(SECTION_CODE.theme) },
  { id: 'participants', label: 'tab.plan.participants', ...lazyPart(SECTION_CODE.participants) },
  // The personal and common invitations (handbook: "Indled kontakt til potentielle deltagere"): for the leaders only, like the API.
  { id: 'invitations', label: 'invitation.tab.section', ...lazyPart(SECTION_CODE.invitations), leadersOnly: true },
  { id: 'meetings', label: 'tab.plan.meetings', ...lazyPart(SECTION_CODE.meetings) },
  { id: 'planner', label: 'tab.plan.planner', ...lazyPart(SECTION_CODE.planner) },
  { id: 'agenda', label: 'tab.plan.agenda', ...lazyPart(SECTION_CODE.agenda) },
  // Who got the questions and who answered: for the leaders only (the API answers 403 to others).
  { id: 'reflections', label: 'tab.plan.reflections', ...lazyPart(SECTION_CODE.reflections), leadersOnly: true },
  // After each meeting: the joint summary beside what participants shared; everybody reads it, the leaders write it.
  { id: 'summary', label: 'tab.plan.summary', ...lazyPart(SECTION_CODE.summary) },
  // The closing meeting's analysis by categories: everybody sees all material and writes notes.
  { id: 'analysis', label: 'tab.plan.analysis', ...lazyPart(SECTION_CODE.analysis) },
  // Booking the series in calendars (Graph or .ics files): for the leaders only, like the API.
  { id: 'calendar', label: 'tab.plan.calendar', ...lazyPart(SECTION_CODE.calendar), leadersOnly: true },
  { id: 'timeline', label: 'tab.plan.timeline', ...lazyPart(SECTION_CODE.timeline) },
] as const satisfies readonly ({ id: string; label: MessageKey; leadersOnly?: boolean } & LazyPart<SectionProps>)[];

const printView = lazyPart(printCode);

// The section the page opens on (or the print view) was asked for by ./early.ts: its part takes it as soon as it is here.
const printing = printAsked(window.location.search);
// The view the address opens (./opening.ts: the print view, the meeting side panel, or the section the #… names).
const openingView = pageOpening(window.location).view;
const opening = openingView === 'print' ? printView : openingView === 'sidePanel' ? sidePanel : (SECTIONS.find((s) => s.id === openingView) ?? SECTIONS[0]);
void opening.preload().catch(() => undefined);
const preload = (s: { preload: () => Promise<unknown> }) => void s.preload().catch(() => undefined);

type SectionId = (typeof SECTIONS)[number]['id'];

const useStyles = makeStyles({
  next: { margin: '24px 0 0', maxWidth: '75ch' },
});

/** The network's shared plan: the channel tab's content page. ?networkId= picks the network. */
export function PlanPage() {
  const { t, host } = useApp();
  const styles = useStyles();
  const networkId = new URLSearchParams(window.location.search).get('networkId') ?? undefined;
  // Where a card's or calendar event's link asked the plan to open (Teams' sub-entity id, else the #…); then the user's choice.
  const [link] = useState(() => linkTargetOf(host.subPageId, window.location.hash));
  const [chosen, setSection] = useState<SectionId>();
  const sidePanelView = isSidePanel(host, window.location.search);
  // How much of the plan the view needs. Asked before the role is known: a section that only the leaders see opens,
  // for anyone else, a section that also needs everything (linkTarget.ts), so the answer is the same either way.
  const needs: PlanParts = printing || sidePanelView ? 'all' : partsFor(chosen ?? openingOf(link.target, true, link.fromTeams).section);
  const { plan, error, reload, canEdit } = usePlan(networkId, needs);
  const opened = openingOf(link.target, canEdit, link.fromTeams);
  const section: SectionId = chosen ?? opened.section ?? 'theme';
  // Once the section is drawn and the browser idles, the next one along the tabs (the likely next step).
  const loaded = !!plan;
  useEffect(() => {
    if (!loaded) return;
    const index = SECTIONS.findIndex((s) => s.id === section);
    const next = SECTIONS[index + 1];
    return next ? whenIdle(() => preload(next)) : undefined;
  }, [section, loaded]);
  useFocusOnArrival(opened.section, loaded && !chosen && opened.focus);
  // A link to the delivery (the plan tab is the one a channel surely has): the delivery page, in this same frame.
  useEffect(() => {
    if (opened.delivery && networkId) window.location.replace(planUrl(networkId, 'delivery'));
  }, [opened.delivery, networkId]);

  if (error) return <MessageBar intent="error"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>;
  if (!plan || opened.delivery) return <Spinner label={t('tab.loading')} />;
  if (printing || sidePanelView) {
    if (!planCovers(plan, 'all')) return <Spinner label={t('tab.loading')} />;
    return printing ? <printView.Part plan={plan} /> : <sidePanel.Part plan={plan} canEdit={canEdit} reload={reload} />;
  }
  const sections = SECTIONS.filter((s) => canEdit || !('leadersOnly' in s));
  const Current = (sections.find((s) => s.id === section) ?? SECTIONS[0]).Part;
  return (
    <main>
      <h1>{plan.network.name}</h1>
      <nav aria-label={t('tab.links.nav')}>
        <TabLink networkId={plan.network.id} kind="delivery" data-testid="plan-delivery-link">
          {t('tab.links.delivery')}
        </TabLink>
      </nav>
      <AdviceBox advice={plan.advice} />
      {canEdit && <ReachPanel plan={plan} />}
      <TabList
        selectedValue={sections.some((s) => s.id === section) ? section : 'theme'}
        onTabSelect={(_event, data) => {
          setSection(data.value as SectionId);
          window.location.hash = String(data.value);
        }}
      >
        {sections.map((s) => (
          <Tab key={s.id} value={s.id} onPointerEnter={() => preload(s)} onFocus={() => preload(s)}>
            {t(s.label)}
          </Tab>
        ))}
      </TabList>
      {planCovers(plan, needs) ? (
        <LinkedMeeting.Provider value={!chosen && section === opened.section ? opened.meetingId : undefined}>
          <Current plan={plan} canEdit={canEdit} reload={reload} />
        </LinkedMeeting.Provider>
      ) : (
        // A planning section was shown first: the rest of the network (reflections, ideas, …) is on its way.
        <Spinner label={t('tab.loading')} data-testid="plan-loading-rest" />
      )}
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

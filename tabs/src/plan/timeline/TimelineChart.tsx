import { Button, Link, Text, Tooltip, makeStyles, mergeClasses, teamsLightTheme, tokens, useArrowNavigationGroup } from '@fluentui/react-components';
import { useMemo, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import { formatDate, type PeriodWeek } from '@domain/dates';
import { meetingLabel } from '@domain/labels';
import type { IsoDate, PhaseStep } from '@domain/model';
import type { MessageKey } from '@i18n';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { chartLayout, type ChartBar, type ChartLane, type ChartMarker } from './chartLayout';
import { KindIcon, kindLabelKey, type TimelineKind } from './kinds';

// The network's whole period on one screen (and one A4 landscape page): weeks left to right, each phase a bar on its
// own line, breaks hatched through the chart, the network meetings, the meetings with the reference leader and
// Chefforum as markers in their own lanes, today as a line. Every bar and marker is a button with its full name; the
// week list below is the same process as text. Shapes, patterns and words carry the meaning, never colour alone.

const LABEL_WIDTH = '8.5rem';
const MONTH_ROW = 20;
const WEEK_ROW = 22;
const TODAY_ROW = 20;
// Line heights are CSS variables, so that print can make the chart a little denser to fit its A4 page.
const PHASE_ROW = 'var(--timeline-phase-row)';
const LANE_LINE = 'var(--timeline-lane-line)';
const MARKER = 'var(--timeline-marker)';
const BAR = 18;
/** The narrowest a week may get on screen before the chart scrolls sideways (a side panel in Teams). */
const MIN_WEEK_PX = 22;
/** Room after the last week for half a marker on the period's last day (and its focus outline). */
const END_ROOM = '16px';

const hatch = (color: string, gap = 6) => `repeating-linear-gradient(135deg, ${color} 0 2px, transparent 2px ${gap}px)`;

const useStyles = makeStyles({
  figure: {
    '--timeline-phase-row': '26px',
    '--timeline-lane-line': '30px',
    '--timeline-marker': '24px',
    margin: '12px 0 16px',
    display: 'grid',
    gap: '8px',
    '@media print': {
      breakInside: 'avoid',
      margin: 0,
      '--timeline-phase-row': '22px',
      '--timeline-lane-line': '25px',
      '--timeline-marker': '21px',
    },
  },
  caption: { display: 'grid', gap: '4px', maxWidth: '960px', '& p': { margin: 0 } },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  actions: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap', '@media print': { display: 'none' } },
  keys: { color: tokens.colorNeutralForeground2, '@media print': { display: 'none' } },
  scroller: {
    overflowX: 'auto',
    paddingBottom: '4px',
    '@media print': { overflowX: 'visible' },
  },
  chart: {
    position: 'relative',
    paddingRight: END_ROOM,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    '@media print': {
      minWidth: '0 !important',
      fontSize: '9pt',
    },
  },
  row: { display: 'grid', gridTemplateColumns: `${LABEL_WIDTH} minmax(0, 1fr)`, alignItems: 'stretch' },
  laneLabel: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    paddingRight: '8px',
    fontWeight: tokens.fontWeightSemibold,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  groupLabel: { alignItems: 'flex-start', paddingTop: '5px' },
  headLabel: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular, borderTopStyle: 'none' },
  track: { position: 'relative', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  headTrack: { position: 'relative', borderTopStyle: 'none' },
  month: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    boxSizing: 'border-box',
    paddingLeft: '4px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'clip',
    fontWeight: tokens.fontWeightSemibold,
    borderLeft: `1px solid ${tokens.colorNeutralStrokeAccessible}`,
  },
  week: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: tokens.colorNeutralForeground2,
    fontVariantNumeric: 'tabular-nums',
  },
  weekToday: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightBold },
  // Everything behind the bars: week lines, month lines, breaks through the whole chart, today's week.
  backdrop: { position: 'absolute', top: `${MONTH_ROW}px`, bottom: 0, right: END_ROOM, pointerEvents: 'none' },
  weekLine: { position: 'absolute', top: 0, bottom: 0, width: 0, borderLeft: `1px solid ${tokens.colorNeutralStroke2}` },
  monthLine: { borderLeft: `1px solid ${tokens.colorNeutralStroke1}` },
  breakBand: { position: 'absolute', top: `${WEEK_ROW}px`, bottom: 0, backgroundImage: hatch(tokens.colorNeutralStroke2, 8) },
  todayBand: { position: 'absolute', top: 0, bottom: 0, backgroundColor: tokens.colorNeutralBackground3 },
  // In front of the week lines, behind the bars and markers: today's line.
  todayLine: {
    position: 'absolute',
    top: `${MONTH_ROW + WEEK_ROW}px`,
    bottom: 0,
    width: 0,
    borderLeft: `2px solid ${tokens.colorPaletteRedForeground1}`,
    transform: 'translateX(-1px)',
    pointerEvents: 'none',
    zIndex: 1,
  },
  todayPill: {
    position: 'absolute',
    top: '2px',
    transform: 'translateX(-50%)',
    padding: '0 6px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteRedForeground1,
    color: tokens.colorNeutralForegroundInverted,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    lineHeight: '16px',
  },
  item: {
    position: 'absolute',
    boxSizing: 'border-box',
    padding: 0,
    margin: 0,
    font: 'inherit',
    cursor: 'pointer',
    // Above today's line, so a meeting held today still shows its number.
    zIndex: 2,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px', zIndex: 3 },
    ':hover': { zIndex: 3 },
  },
  bar: {
    top: `calc((${PHASE_ROW} - ${BAR}px) / 2)`,
    height: `${BAR}px`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorBrandForeground1}`,
    backgroundColor: tokens.colorBrandForeground1,
    color: tokens.colorNeutralForegroundInverted,
    textAlign: 'left',
  },
  breakBar: {
    top: `calc((${LANE_LINE} - ${BAR}px) / 2)`,
    height: `${BAR}px`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px dashed ${tokens.colorNeutralStrokeAccessible}`,
    backgroundColor: tokens.colorNeutralBackground1,
    backgroundImage: hatch(tokens.colorNeutralStrokeAccessible),
    color: tokens.colorNeutralForeground1,
  },
  drawn: { '::after': { content: 'attr(data-label)' } },
  inside: {
    display: 'block',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    padding: '0 6px',
    lineHeight: '16px',
    fontWeight: tokens.fontWeightSemibold,
  },
  beside: {
    position: 'absolute',
    top: 0,
    padding: '0 3px',
    // Readable over week lines and the breaks' hatching.
    backgroundColor: tokens.colorNeutralBackground1,
    lineHeight: '16px',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  after: { left: '100%', marginLeft: '3px' },
  before: { right: '100%', marginRight: '3px' },
  marker: {
    width: MARKER,
    height: MARKER,
    transform: 'translateX(-50%)',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
  },
  meeting: {
    borderRadius: '50%',
    border: `2px solid ${tokens.colorNeutralForeground1}`,
    backgroundColor: tokens.colorNeutralForeground1,
    color: tokens.colorNeutralForegroundInverted,
    fontWeight: tokens.fontWeightBold,
    fontVariantNumeric: 'tabular-nums',
  },
  referenceLeaderMeeting: {
    borderRadius: '4px',
    border: `2px dotted ${tokens.colorBrandForeground1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
  },
  chefforum: {
    borderRadius: 0,
    border: `3px double ${tokens.colorNeutralForeground1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  span: { position: 'absolute', height: '0', borderTop: `2px solid ${tokens.colorNeutralStrokeAccessible}`, pointerEvents: 'none' },
  empty: { position: 'absolute', left: '6px', top: '4px', color: tokens.colorNeutralForeground2 },
  tip: { display: 'grid', gap: '2px', maxWidth: '320px' },
  tipTitle: { fontWeight: tokens.fontWeightSemibold },
  legend: { display: 'flex', gap: '16px', flexWrap: 'wrap', listStyle: 'none', padding: 0, margin: 0 },
  legendItem: { display: 'flex', gap: '6px', alignItems: 'center', color: tokens.colorNeutralForeground1 },
  glyph: { position: 'static', transform: 'none', cursor: 'default', flexShrink: 0 },
  glyphBar: { width: '28px', height: '14px' },
  glyphLine: { width: '0', height: '18px', borderLeft: `2px solid ${tokens.colorPaletteRedForeground1}` },
});

/**
 * A month's name as long as its weeks leave room for ("september 2026", else "sep. 2026"), whatever the screen or paper.
 * Print: the chart on one A4 landscape page under the network's name and the section's heading; the rest of the page
 * (advice, tabs, the list, buttons) stays on screen. On paper the colours are the light theme's, whatever the screen's.
 */
let chartCss: string | undefined;
const CHART_CSS = () => (chartCss ??= `
[data-month] { container-type: inline-size; }
[data-month] > [data-short], [data-month] > [data-tiny] { display: none; }
@container (max-width: 110px) {
  [data-month] > [data-long] { display: none; }
  [data-month] > [data-short] { display: inline; }
}
@container (max-width: 60px) {
  [data-month] > [data-short] { display: none; }
  [data-month] > [data-tiny] { display: inline; }
}
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  html, body { background: #fff !important; }
  body:has([data-timeline-chart]) { margin: 0; }
  body:has([data-timeline-chart]) :has(> main) { min-height: 0 !important; padding: 0 !important; }
  body:has([data-timeline-chart]) :has(> main) > :not(main),
  body:has([data-timeline-chart]) main > :not(h1):not(:has([data-timeline-chart])),
  [data-print-hidden] { display: none !important; }
  body:has([data-timeline-chart]) main { ${Object.entries(teamsLightTheme).map(([token, value]) => `--${token}: ${value};`).join(' ')} }
  [data-timeline-chart] * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`);

export interface TimelineChartProps {
  plan: PlanView;
  today: IsoDate;
  /** Leaders edit a phase, break or step from the chart; everybody else is shown its week in the list. */
  onEditStep?: (step: PhaseStep) => void;
  onShowWeek: (index: number) => void;
  /** The id of the week list: the text equivalent of the chart. */
  listId: string;
}

export function TimelineChart({ plan, today, onEditStep, onShowWeek, listId }: TimelineChartProps) {
  const { t, locale, theme } = useApp();
  const styles = useStyles();
  const arrows = useArrowNavigationGroup({ axis: 'grid', memorizeCurrent: true });
  const { network, meetings } = plan;
  const steps = plan.phasePlan?.steps ?? [];
  const layout = useMemo(() => chartLayout({ network, steps, meetings, today }), [network, steps, meetings, today]);
  const { weeks } = layout;
  const first = weeks[0];
  const last = weeks.at(-1);
  const monthNames = useMemo(() => {
    const tag = locale === 'da' ? 'da-DK' : 'en-GB';
    return { long: new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' }), short: new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' }) };
  }, [locale]);

  const lane = (kind: TimelineKind) => t(`tab.timeline.chart.lane.${kind}` as MessageKey);
  const weeksText = (from: PeriodWeek, to: PeriodWeek) =>
    from.index === to.index
      ? t('tab.timeline.chart.weekDates', { week: from.week, fromDate: formatDate(from.monday), toDate: formatDate(to.sunday) })
      : t('tab.timeline.chart.weeksDates', { from: from.week, to: to.week, fromDate: formatDate(from.monday), toDate: formatDate(to.sunday) });
  const named = (kind: TimelineKind, title: string, when: string) => {
    const word = t(kindLabelKey(kind));
    return title.toLocaleLowerCase().startsWith(word.toLocaleLowerCase())
      ? t('tab.timeline.chart.name', { title, when })
      : t('tab.timeline.chart.kindName', { kind: word, title, when });
  };
  const hint = (step?: PhaseStep) => (step && onEditStep ? t('tab.timeline.chart.editHint') : t('tab.timeline.chart.showHint'));
  const activate = (week: PeriodWeek, step?: PhaseStep) => (step && onEditStep ? onEditStep(step) : onShowWeek(week.index));

  const counts = {
    phases: layout.phases.length,
    breaks: layout.breaks.length,
    meetings: layout.lanes.find((l) => l.kind === 'meeting')?.markers.length ?? 0,
    referenceLeader: layout.lanes.find((l) => l.kind === 'referenceLeaderMeeting')?.markers.length ?? 0,
    chefforum: layout.lanes.find((l) => l.kind === 'chefforum')?.markers.length ?? 0,
  };

  function barButton(bar: ChartBar, kind: 'phase' | 'break') {
    const name = named(kind, bar.step.title, weeksText(bar.from, bar.to));
    const style: CSSProperties = { left: `${bar.x}%`, width: `${bar.width}%` };
    return (
      <Tip key={bar.step.id} title={name} lines={[bar.step.description]} hint={hint(bar.step)}>
        <button
          type="button"
          className={mergeClasses(styles.item, kind === 'phase' ? styles.bar : styles.breakBar)}
          style={style}
          aria-label={name}
          data-kind={kind}
          onClick={() => activate(bar.from, bar.step)}
        >
          {/* The name drawn by CSS from data-label: seen on screen and paper, said once (by the button's name). */}
          {kind === 'phase' && (
            <span
              className={mergeClasses(styles.drawn, bar.label === 'inside' ? styles.inside : styles.beside, bar.label === 'after' && styles.after, bar.label === 'before' && styles.before)}
              data-label={bar.step.title}
              aria-hidden="true"
            />
          )}
        </button>
      </Tip>
    );
  }

  function markerButton(marker: ChartMarker) {
    const { meeting, step } = marker;
    const date = marker.date ? formatDate(marker.date) : undefined;
    const when = marker.toWeek
      ? weeksText(marker.week, marker.toWeek)
      : date
        ? t('tab.timeline.chart.weekDate', { week: marker.week.week, date })
        : t('tab.timeline.chart.weekOne', { week: marker.week.week });
    let name: string;
    let lines: string[];
    if (meeting) {
      const label = meetingLabel(meeting, plan.meetings, locale);
      const subtheme = plan.subthemes.find((s) => s.id === meeting.subthemeId)?.title ?? meeting.title;
      name = t('tab.timeline.chart.name', { title: label, when });
      lines = [subtheme, t('tab.timeline.chart.meetingTime', { date: formatDate(meeting.date), start: meeting.start, end: meeting.end }), meeting.location];
    } else {
      name = named(marker.kind, step!.title, when);
      lines = [step!.description];
    }
    const style: CSSProperties = { left: `${marker.x}%`, top: `calc(${LANE_LINE} * ${marker.slot} + (${LANE_LINE} - ${MARKER}) / 2)` };
    return (
      <Tip key={marker.key} title={name} lines={lines} hint={hint(step)}>
        <button
          type="button"
          className={mergeClasses(styles.item, styles.marker, styles[marker.kind])}
          style={style}
          aria-label={name}
          data-kind={marker.kind}
          onClick={() => activate(marker.week, step)}
        >
          {meeting ? <span aria-hidden="true">{marker.number}</span> : <KindIcon kind={marker.kind} />}
        </button>
      </Tip>
    );
  }

  const laneRow = ({ kind, markers, slots }: ChartLane) => (
    <div key={kind} className={styles.row} data-lane={kind}>
      <span className={styles.laneLabel}>
        <KindIcon kind={kind} />
        {lane(kind)}
      </span>
      <div className={styles.track} style={{ height: `calc(${LANE_LINE} * ${slots})` }}>
        {markers.map((m) => m.toWeek && (
          <span
            key={`${m.key}-span`}
            className={styles.span}
            style={{ left: `${weeks[m.week.index - 1]!.x}%`, width: `${((m.toWeek.index - m.week.index + 1) / weeks.length) * 100}%`, top: `calc(${LANE_LINE} * ${m.slot + 0.5})` }}
            aria-hidden="true"
          />
        ))}
        {markers.map(markerButton)}
      </div>
    </div>
  );

  const summary = first && last
    ? t('tab.timeline.chart.summary', {
      weeks: weeks.length,
      fromWeek: first.week,
      from: formatDate(network.startDate),
      toWeek: last.week,
      to: formatDate(network.endDate),
      ...counts,
    })
    : '';
  const todayText = layout.today
    ? t('tab.timeline.chart.todayIn', { date: formatDate(today), week: layout.today.week.week })
    : t('tab.timeline.chart.todayOutside', { date: formatDate(today) });

  return (
    <figure className={styles.figure} aria-labelledby="timeline-chart-heading" aria-describedby="timeline-chart-summary" data-timeline-chart>
      <style>{CHART_CSS()}</style>
      <figcaption className={styles.caption}>
        <h3 id="timeline-chart-heading" className={styles.heading}>{t('tab.timeline.chart.heading')}</h3>
        <Text id="timeline-chart-summary" as="p" block>{`${summary} ${todayText}`}</Text>
        <Text as="p" block size={200} className={styles.keys}>{onEditStep ? t('tab.timeline.chart.keysEdit') : t('tab.timeline.chart.keysRead')}</Text>
        <div className={styles.actions}>
          <Link href={`#${listId}`} onClick={(event) => (event.preventDefault(), focusList(listId))}>{t('tab.timeline.chart.toList')}</Link>
          <Button size="small" onClick={() => window.print()}>{t('tab.timeline.chart.print')}</Button>
        </div>
      </figcaption>

      <div className={styles.scroller} data-testid="timeline-chart-scroller">
        <div className={styles.chart} data-testid="timeline-chart-plot" style={{ minWidth: `calc(${LABEL_WIDTH} + ${weeks.length * MIN_WEEK_PX}px)` }} {...arrows}>
          <div className={styles.backdrop} style={{ left: LABEL_WIDTH }} aria-hidden="true">
            {layout.today && <span className={styles.todayBand} style={{ left: `${weeks[layout.today.week.index - 1]!.x}%`, width: `${weeks[0]!.width}%` }} />}
            {/* In Teams' high-contrast theme every stroke is white: there the breaks' own lane shows them, without hatching the whole chart. */}
            {theme !== 'contrast' && layout.breaks.map((b) => <span key={b.step.id} className={styles.breakBand} style={{ left: `${b.x}%`, width: `${b.width}%` }} />)}
            {weeks.map((w) => <span key={w.index} className={mergeClasses(styles.weekLine, w.monthStart && styles.monthLine)} style={{ left: `${w.x}%` }} />)}
          </div>

          <div className={styles.row} aria-hidden="true" style={{ height: `${MONTH_ROW}px` }}>
            <span />
            <div className={styles.headTrack}>
              {layout.months.map((m, i) => {
                // The year with the first month and with January; after a first month of one week (no room), with the second.
                const withYear = i === 0 || m.month === 1 || (i === 1 && layout.months[0]!.weeks < 2);
                return (
                  <span key={`${m.year}-${m.month}`} className={styles.month} style={{ left: `${m.x}%`, width: `${m.width}%` }} data-month>
                    <span data-long>{monthLabel(monthNames.long, m.year, m.month, withYear)}</span>
                    <span data-short>{monthLabel(monthNames.short, m.year, m.month, withYear)}</span>
                    <span data-tiny>{monthLabel(monthNames.short, m.year, m.month, false)}</span>
                  </span>
                );
              })}
            </div>
          </div>
          <div className={styles.row} aria-hidden="true" style={{ height: `${WEEK_ROW}px` }}>
            <span className={mergeClasses(styles.laneLabel, styles.headLabel)}>{t('tab.timeline.chart.week')}</span>
            <div className={styles.headTrack}>
              {weeks.map((w) => (
                <span key={w.index} className={mergeClasses(styles.week, layout.today?.week.index === w.index && styles.weekToday)} style={{ left: `${w.x}%`, width: `${w.width}%` }}>
                  {w.week}
                </span>
              ))}
            </div>
          </div>
          {layout.today && (
            <div className={styles.row} aria-hidden="true" style={{ height: `${TODAY_ROW}px` }}>
              <span />
              <div className={styles.headTrack}>
                <span className={styles.todayPill} style={{ left: `${layout.today.x}%` }}>{t('tab.timeline.chart.today')}</span>
              </div>
            </div>
          )}

          <div className={styles.row} data-lane="phase" style={{ gridTemplateRows: `repeat(${Math.max(1, layout.phases.length)}, ${PHASE_ROW})` }}>
            <span className={mergeClasses(styles.laneLabel, styles.groupLabel)} style={{ gridRow: `1 / span ${Math.max(1, layout.phases.length)}` }}>
              <KindIcon kind="phase" />
              {lane('phase')}
            </span>
            {layout.phases.length === 0 && (
              <div className={styles.track}><span className={styles.empty}>{t('tab.timeline.chart.noPhases')}</span></div>
            )}
            {layout.phases.map((bar, i) => (
              <div key={bar.step.id} className={styles.track} style={{ gridColumn: 2, gridRow: i + 1, ...(i > 0 ? { borderTopStyle: 'none' } : {}) }}>
                {barButton(bar, 'phase')}
              </div>
            ))}
          </div>
          <div className={styles.row} data-lane="break" style={{ height: LANE_LINE }}>
            <span className={styles.laneLabel}>
              <KindIcon kind="break" />
              {lane('break')}
            </span>
            <div className={styles.track}>{layout.breaks.map((b) => barButton(b, 'break'))}</div>
          </div>
          {layout.lanes.map(laneRow)}

          {layout.today && (
            <div className={styles.row} aria-hidden="true" style={{ position: 'absolute', inset: `0 ${END_ROOM} 0 0`, pointerEvents: 'none' }}>
              <span />
              <div style={{ position: 'relative' }}>
                <span className={styles.todayLine} style={{ left: `${layout.today.x}%` }} />
              </div>
            </div>
          )}
        </div>
      </div>

      <Legend />
    </figure>
  );
}

/** What each shape and pattern means: the same shapes as in the chart, each with its word. */
function Legend() {
  const { t } = useApp();
  const styles = useStyles();
  const items: { kind: TimelineKind; glyph: ReactNode }[] = [
    { kind: 'phase', glyph: <span className={mergeClasses(styles.item, styles.bar, styles.glyph, styles.glyphBar)} /> },
    { kind: 'break', glyph: <span className={mergeClasses(styles.item, styles.breakBar, styles.glyph, styles.glyphBar)} /> },
    { kind: 'meeting', glyph: <span className={mergeClasses(styles.item, styles.marker, styles.meeting, styles.glyph)}>1</span> },
    { kind: 'referenceLeaderMeeting', glyph: <span className={mergeClasses(styles.item, styles.marker, styles.referenceLeaderMeeting, styles.glyph)}><KindIcon kind="referenceLeaderMeeting" /></span> },
    { kind: 'chefforum', glyph: <span className={mergeClasses(styles.item, styles.marker, styles.chefforum, styles.glyph)}><KindIcon kind="chefforum" /></span> },
    { kind: 'today', glyph: <span className={styles.glyphLine} /> },
  ];
  return (
    <ul className={styles.legend} aria-label={t('tab.timeline.legend')}>
      {items.map(({ kind, glyph }) => (
        <li key={kind} className={styles.legendItem}>
          <span aria-hidden="true" style={{ display: 'inline-flex' }}>{glyph}</span>
          <span>{t(kindLabelKey(kind))}</span>
        </li>
      ))}
    </ul>
  );
}

/** Details on hover and focus (Escape closes them); the button's own name already says it all to a screen reader. */
function Tip({ title, lines, hint, children }: { title: string; lines: string[]; hint: string; children: ReactElement }) {
  const styles = useStyles();
  return (
    <Tooltip
      relationship="description"
      withArrow
      content={(
        <span className={styles.tip}>
          {/* The button's name already holds the title: the description adds only what it does not say. */}
          <span className={styles.tipTitle} aria-hidden="true">{title}</span>
          {lines.filter((line) => line.trim()).map((line, i) => <span key={i}>{line.length > 200 ? `${line.slice(0, 200)}…` : line}</span>)}
          <span>{hint}</span>
        </span>
      )}
    >
      {children}
    </Tooltip>
  );
}

function monthLabel(format: Intl.DateTimeFormat, year: number, month: number, withYear: boolean): string {
  const name = format.format(new Date(Date.UTC(year, month - 1, 1)));
  return withYear ? `${name} ${year}` : name;
}

function focusList(listId: string) {
  const list = document.getElementById(listId);
  list?.scrollIntoView({ block: 'start' });
  list?.focus();
}

import { makeStyles, tokens } from '@fluentui/react-components';
import type { PhaseKind } from '@domain/model';
import type { MessageKey } from '@i18n';

// Each kind of step has its own shape, border and word, so nothing depends on telling colours apart.

export type TimelineKind = PhaseKind | 'meeting' | 'today';

export const kindLabelKey = (kind: TimelineKind): MessageKey => `tab.timeline.kind.${kind}`;

const PATHS: Record<TimelineKind, string> = {
  // a flag: a phase of work
  phase: 'M3 1h1.5v14H3zM5 2h8l-2 3 2 3H5z',
  // two bars: a pause
  break: 'M4 3h3v10H4zM9 3h3v10H9z',
  // two heads: a talk with the reference leader
  referenceLeaderMeeting: 'M5 3a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm6 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM1 13c0-2.5 2-4 4-4s4 1.5 4 4zm6.5 0c.3-1.4-.2-2.7-1-3.5.8-.4 1.6-.5 2.5-.5 2 0 4 1.5 4 4z',
  // a building with columns: Chefforum
  chefforum: 'M8 1l7 4H1zM2 6h12v1H2zM3 8h2v5H3zm4 0h2v5H7zm4 0h2v5h-2zM1 14h14v1.5H1z',
  // a calendar: a network meeting
  meeting: 'M2 3h12v11H2zm1.5 3v6.5h9V6zM4 1h2v3H4zm6 0h2v3h-2zM5 8h2v2H5z',
  // a pin: today
  today: 'M8 1a5 5 0 0 1 5 5c0 3.5-5 9-5 9S3 9.5 3 6a5 5 0 0 1 5-5zm0 3a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
};

export function KindIcon({ kind }: { kind: TimelineKind }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="currentColor" fillRule="evenodd">
      <path d={PATHS[kind]} />
    </svg>
  );
}

const sides = (property: 'Style' | 'Width' | 'Color', value: string) => ({
  [`borderTop${property}`]: value,
  [`borderRight${property}`]: value,
  [`borderBottom${property}`]: value,
  [`borderLeft${property}`]: value,
});

export const useKindStyles = makeStyles({
  base: {
    display: 'grid',
    gap: '2px',
    padding: '8px 12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  phase: { borderLeft: `6px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorNeutralBackground2 },
  break: { ...sides('Style', 'dashed'), backgroundColor: tokens.colorNeutralBackground1 },
  referenceLeaderMeeting: { ...sides('Style', 'dotted'), ...sides('Width', '2px') },
  chefforum: { ...sides('Style', 'double'), ...sides('Width', '4px') },
  meeting: { borderLeft: `6px solid ${tokens.colorNeutralStrokeAccessible}` },
  today: { border: `3px solid ${tokens.colorBrandStroke1}`, fontWeight: tokens.fontWeightSemibold },
});

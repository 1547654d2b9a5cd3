import { useId, useState, type MouseEvent } from 'react';
import { Checkbox, MessageBar, MessageBarBody, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatDate } from '@domain/dates';
import { meetingLabel, orderMeetings } from '@domain/labels';
import type { Assignment, Meeting, Participant } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { nameWithUnit, orderParticipants } from '../participants/order';
import { CheckIcon, VisuallyHidden, toFailure, useTableStyles } from '../../shared/formKit';
import { networkApi } from '../../shell/networkApi';

const useStyles = makeStyles({
  help: { margin: '0 0 8px', color: tokens.colorNeutralForeground2 },
  wrap: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: { width: 'auto', minWidth: '50%' },
  meetingHead: { textAlign: 'center', minWidth: '110px' },
  date: { display: 'block', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  group: {
    textAlign: 'start',
    padding: '10px 8px 4px',
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground1,
  },
  cell: { textAlign: 'center', padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'middle' },
  clickable: { cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  mark: { display: 'inline-flex', alignItems: 'center', fontSize: tokens.fontSizeBase500 },
  rowHeader: { verticalAlign: 'middle' },
  total: { textAlign: 'center', padding: '6px 8px', fontWeight: tokens.fontWeightSemibold, borderTop: `2px solid ${tokens.colorNeutralStroke1}` },
  totalHead: { textAlign: 'start', padding: '6px 8px', fontWeight: tokens.fontWeightSemibold, borderTop: `2px solid ${tokens.colorNeutralStroke1}` },
});

const key = (meetingId: string, participantId: string) => `${meetingId}:${participantId}`;

interface Props {
  plan: PlanView;
  canEdit: boolean;
  reload: () => Promise<void>;
  /** Asks before a row with a contribution or involvement form is removed; the planner owns the dialog. */
  onRemove: (assignment: Assignment, participant: Participant) => void;
  announce: (text: string) => void;
}

/** Participants × meetings: who takes part where; editors toggle a cell to put someone on a meeting or take them off. */
export function ParticipationMatrix({ plan, canEdit, reload, onRemove, announce }: Props) {
  const { t, api, locale } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  const captionId = useId();
  const [pending, setPending] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string>();
  const meetings = orderMeetings(plan.meetings);
  const participants = orderParticipants(plan.participants, locale);
  const label = (meeting: Meeting) => meetingLabel(meeting, plan.meetings, locale);
  const assignmentOf = (meeting: Meeting, participant: Participant) =>
    plan.assignments.find((a) => a.meetingId === meeting.id && a.participantId === participant.id);

  const toggle = async (meeting: Meeting, participant: Participant) => {
    const cell = key(meeting.id, participant.id);
    if (pending.has(cell)) return;
    const existing = assignmentOf(meeting, participant);
    // Taking someone off loses what they were to contribute: ask first when there is something to lose.
    if (existing && (existing.contribution.trim() || existing.involvementForm.trim())) {
      onRemove(existing, participant);
      return;
    }
    setPending((p) => new Set(p).add(cell));
    setProblem(undefined);
    const assignment = networkApi(api, plan.network.id).meeting(meeting.id).assignment(participant.id);
    try {
      if (existing) await assignment.remove(existing.etag);
      else await assignment.save({ contribution: '', involvementForm: '' });
      await reload();
      announce(t(existing ? 'tab.planner.matrix.removed' : 'tab.planner.matrix.added', { name: participant.name, label: label(meeting) }));
    } catch (error) {
      const failure = toFailure(error, []);
      // Nothing typed to keep here: fetch the latest plan and say so.
      if (failure.conflict) {
        await reload();
        setProblem(t('tab.planner.matrix.conflict'));
      } else setProblem(failure.message);
    } finally {
      setPending((p) => {
        const next = new Set(p);
        next.delete(cell);
        return next;
      });
    }
  };

  const groups = (['core', 'along'] as const)
    .map((kind) => ({ kind, people: participants.filter((p) => p.kind === kind) }))
    .filter((g) => g.people.length > 0);

  return (
    <>
      {canEdit && <p className={styles.help}>{t('tab.planner.matrix.help')}</p>}
      {problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.wrap} role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className={mergeClasses(table.table, styles.table)} data-testid="participation-matrix">
          <caption id={captionId} className={table.caption}>
            {t('tab.planner.matrix.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={table.th}>
                {t('tab.planner.col.participant')}
              </th>
              {meetings.map((meeting) => (
                <th key={meeting.id} scope="col" className={mergeClasses(table.th, styles.meetingHead)}>
                  {label(meeting)}
                  <span className={styles.date}>{formatDate(meeting.date)}</span>
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.kind}>
              <tr>
                <th scope="rowgroup" colSpan={meetings.length + 1} className={styles.group}>
                  {t(group.kind === 'core' ? 'tab.planner.matrix.groupCore' : 'tab.planner.matrix.groupAlong')}
                </th>
              </tr>
              {group.people.map((participant) => (
                <tr key={participant.id} data-participant={participant.id}>
                  <th scope="row" className={mergeClasses(table.rowHeader, styles.rowHeader)}>
                    {nameWithUnit(participant)}
                  </th>
                  {meetings.map((meeting) => {
                    const takesPart = !!assignmentOf(meeting, participant);
                    const busy = pending.has(key(meeting.id, participant.id));
                    if (!canEdit) {
                      return (
                        <td key={meeting.id} className={styles.cell}>
                          {takesPart ? (
                            <span className={styles.mark}>
                              <CheckIcon />
                              <VisuallyHidden>{t('tab.planner.matrix.takesPart')}</VisuallyHidden>
                            </span>
                          ) : (
                            <VisuallyHidden>{t('tab.planner.matrix.notTakingPart')}</VisuallyHidden>
                          )}
                        </td>
                      );
                    }
                    return (
                      <td
                        key={meeting.id}
                        className={mergeClasses(styles.cell, styles.clickable)}
                        // The whole cell is the mouse target; the checkbox inside is the keyboard one.
                        onClick={(event: MouseEvent) => {
                          if (!(event.target as Element).closest('.fui-Checkbox')) void toggle(meeting, participant);
                        }}
                      >
                        <Checkbox
                          checked={takesPart}
                          // Not disabled while saving: a disabled box would lose keyboard focus.
                          aria-busy={busy || undefined}
                          aria-label={t('tab.planner.matrix.cellLabel', { name: participant.name, label: label(meeting) })}
                          onChange={() => void toggle(meeting, participant)}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))}
          <tfoot>
            <tr>
              <th scope="row" className={styles.totalHead}>
                {t('tab.planner.matrix.total')}
              </th>
              {meetings.map((meeting) => {
                const onMeeting = plan.assignments.filter((a) => a.meetingId === meeting.id && plan.participants.some((p) => p.id === a.participantId));
                const core = onMeeting.filter((a) => plan.participants.find((p) => p.id === a.participantId)?.kind === 'core').length;
                return (
                  <td key={meeting.id} className={styles.total}>
                    {t('tab.planner.matrix.totalValue', { count: onMeeting.length, core })}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

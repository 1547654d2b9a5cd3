import { useEffect, useId, useState } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { involvementFormLabel, participantKindLabel } from '@domain/labels';
import type { Assignment, Meeting, Participant } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { nameWithUnit, orderParticipants } from '../participants/order';
import { AssignmentForm } from './AssignmentForm';
import { EditingCells, plainCells, useInlineClasses, type Cell } from './InlineAssignment';
import { useTableStyles } from '../../shared/formKit';
import { meetingTitle } from '../../shared/meetingTitle';

/** The meeting whose "add a person" form is open: rows themselves are edited in place (InlineAssignment). */
export type RowEditing = { meetingId: string };

/** Pixels a meeting's heading, table head and add button take, and one row (two lines of name and kind). */
const ESTIMATE = { section: 170, row: 58 };

const useStyles = makeStyles({
  // A large network's planner is ten tables of 60 rows: the browser lays out only those on screen (each reserves
  // its estimated height until then, given per section below, so the scrollbar does not jump).
  section: { marginBlock: '20px', contentVisibility: 'auto' },
  heading: { margin: '0 0 2px', fontSize: tokens.fontSizeBase500 },
  meta: { margin: '0 0 8px', color: tokens.colorNeutralForeground2 },
  kind: { display: 'block', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  colParticipant: { width: '26%' },
  colContribution: { width: '37%' },
  add: { marginTop: '8px' },
});

interface Props {
  plan: PlanView;
  meeting: Meeting;
  label: string;
  canEdit: boolean;
  editing?: RowEditing;
  onEdit: (editing: RowEditing | undefined) => void;
  onRemove: (assignment: Assignment, participant: Participant) => void;
  onSaved: (name: string) => void;
  reload: () => Promise<void>;
}

/** One meeting of the planning tool: participant · what they contribute · how (involvement form). */
export function MeetingPlan({ plan, meeting, label, canEdit, editing, onEdit, onRemove, onSaved, reload }: Props) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  const headingId = useId();
  const inline = useInlineClasses();
  const subtheme = plan.subthemes.find((s) => s.id === meeting.subthemeId)?.title;
  const rows = orderParticipants(
    plan.assignments
      .filter((a) => a.meetingId === meeting.id)
      .flatMap((a) => {
        const participant = plan.participants.find((p) => p.id === a.participantId);
        return participant ? [{ ...participant, assignment: a }] : [];
      }),
    locale,
  );
  const assigned = new Set(rows.map((r) => r.id));
  const available = orderParticipants(plan.participants.filter((p) => !assigned.has(p.id)), locale);
  const formHere = canEdit && editing?.meetingId === meeting.id;
  const anyForm = !!editing;
  // The rows the leader has touched, and the cell first clicked: those are fields (EditingCells), the rest plain text.
  const [touched, setTouched] = useState<ReadonlyMap<string, Cell>>(new Map());
  // While a form is open the rows are read-only; afterwards they start untouched (a field would take focus again).
  useEffect(() => {
    if (anyForm) setTouched(new Map());
  }, [anyForm]);
  const inlineLabels = (name: string) => {
    const who = t('tab.planner.matrix.cellLabel', { name, label });
    return { contribution: t('tab.planner.inline.contribution', { who }), involvement: t('tab.planner.inline.involvement', { who }) };
  };

  return (
    <section
      aria-labelledby={headingId}
      className={styles.section}
      data-meeting={meeting.id}
      style={{ containIntrinsicSize: `auto ${ESTIMATE.section + Math.max(rows.length, 1) * ESTIMATE.row}px` }}
    >
      <h3 id={headingId} className={styles.heading} data-nav-label={label}>
        {meetingTitle(label, meeting, subtheme)}
      </h3>
      <p className={styles.meta}>
        {t('tab.planner.meetingMeta', { start: meeting.start, end: meeting.end, place: meeting.location.trim() || (meeting.online ? t('tab.meetings.online') : t('tab.meetings.noLocation')) })}
      </p>
      {rows.length === 0 ? (
        <p className={table.muted}>{t('tab.planner.empty')}</p>
      ) : (
        <div className={table.wrap}>
          <table className={table.table} aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col" className={mergeClasses(table.th, styles.colParticipant)}>{t('tab.planner.col.participant')}</th>
                <th scope="col" className={mergeClasses(table.th, styles.colContribution)}>{t('tab.planner.col.contribution')}</th>
                <th scope="col" className={table.th}>{t('tab.planner.col.involvement')}</th>
                {canEdit && <th scope="col" className={table.th}>{t('tab.planner.col.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-participant={row.id}>
                  <th scope="row" className={table.rowHeader}>
                    {nameWithUnit(row)}
                    <span className={styles.kind}>{participantKindLabel(row.kind, locale)}</span>
                  </th>
                  {canEdit && !anyForm ? (
                    touched.has(row.id) ? (
                      <EditingCells
                        classes={inline}
                        networkId={plan.network.id}
                        meeting={meeting}
                        assignment={row.assignment}
                        who={t('tab.planner.matrix.cellLabel', { name: row.name, label })}
                        reload={reload}
                        initial={touched.get(row.id)!}
                      />
                    ) : (
                      plainCells(
                        inline,
                        inlineLabels(row.name),
                        { contribution: row.assignment.contribution, involvement: involvementFormLabel(row.assignment.involvementForm, locale) },
                        (cell) => setTouched((before) => new Map(before).set(row.id, cell)),
                      )
                    )
                  ) : (
                    <>
                      <td className={table.td}>{row.assignment.contribution}</td>
                      <td className={table.td}>{involvementFormLabel(row.assignment.involvementForm, locale)}</td>
                    </>
                  )}
                  {canEdit && (
                    <td className={table.td}>
                      {!anyForm && (
                        // A native button: 600 rows of Fluent buttons were a third of the large planner's start.
                        <button
                          type="button"
                          id={`planner-remove-${meeting.id}-${row.id}`}
                          className={table.rowButton}
                          aria-label={t('tab.planner.removeLabel', { name: row.name, label })}
                          onClick={() => onRemove(row.assignment, row)}
                        >
                          {t('tab.planner.remove')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {formHere && (
        <AssignmentForm
          networkId={plan.network.id}
          meeting={meeting}
          meetingLabel={label}
          available={available}
          etagFor={(participantId) => plan.assignments.find((a) => a.meetingId === meeting.id && a.participantId === participantId)?.etag}
          reload={reload}
          onDone={(name) => {
            onEdit(undefined);
            onSaved(name);
          }}
          onCancel={() => onEdit(undefined)}
        />
      )}
      {canEdit && !anyForm && (
        <div className={styles.add}>
          {available.length > 0 ? (
            <Button id={`planner-add-${meeting.id}`} onClick={() => onEdit({ meetingId: meeting.id })} aria-label={t('tab.planner.addTitle', { label })}>
              {t('tab.planner.addPerson')}
            </Button>
          ) : (
            plan.participants.length > 0 && <p className={table.muted}>{t('tab.planner.allAdded')}</p>
          )}
        </div>
      )}
    </section>
  );
}

import { useEffect, useState } from 'react';
import { Input, Spinner, makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { involvementFormLabel } from '@domain/labels';
import type { Assignment, Meeting } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import { networkApi } from '../../shell/networkApi';
import { SaveFailureBar, useSaver, useTableStyles } from '../../shared/formKit';
import { SavedNote } from '../../shared/SavedNote';
import { InvolvementCombobox, involvementToStore } from './InvolvementCombobox';

const useStyles = makeStyles({
  status: { display: 'block', marginTop: '2px', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  // The cell's text is the button: it reads as the table does, and a click or Enter makes it a field.
  cellButton: {
    display: 'block',
    width: '100%',
    minHeight: '32px',
    padding: '4px 6px',
    textAlign: 'start',
    font: 'inherit',
    color: 'inherit',
    background: 'transparent',
    ...shorthands.border('1px', 'dashed', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'text',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
});

interface Props {
  networkId: string;
  meeting: Meeting;
  assignment: Assignment;
  /** "Jens Jensen på Netværksmøde 2": the cells' accessible names. */
  who: string;
  reload: () => Promise<void>;
}

export type Cell = 'contribution' | 'involvement';

/**
 * A planning-tool row edited where it stands: what the person contributes and how. Each cell is its text until it is
 * clicked (or reached by Tab and Enter); then it is a field, saved as the leader leaves it — no dialog per row, and
 * a network of 60 people does not draw 1,200 fields. Until the leader touches a row (MeetingPlan keeps which), its
 * cells are these two plain buttons: no component, no state for the other 599 rows. Once touched it is EditingCells.
 */
export function plainCells(classes: InlineClasses, labels: { contribution: string; involvement: string }, texts: { contribution: string; involvement: string }, touch: (cell: Cell) => void) {
  const cell = (which: Cell) => (
    <td className={classes.td}>
      <button type="button" className={classes.cellButton} aria-label={`${labels[which]}: ${texts[which] || '—'}`} onClick={() => touch(which)}>
        {texts[which] || '—'}
      </button>
    </td>
  );
  return (
    <>
      {cell('contribution')}
      {cell('involvement')}
    </>
  );
}

export interface InlineClasses {
  td: string;
  cellButton: string;
}

/** The classes every row shares, made once per table. */
export function useInlineClasses(): InlineClasses {
  const styles = useStyles();
  const table = useTableStyles();
  return { td: table.td, cellButton: styles.cellButton };
}

/** A touched row: its fields, its save and its "Gemt kl. …" (it stays so, with the confirmation, once touched). */
export function EditingCells({ networkId, meeting, assignment, who, reload, classes, initial }: Props & { classes: InlineClasses; initial: Cell }) {
  const { api, t, locale } = useApp();
  const styles = useStyles();
  const table = classes;
  const saver = useSaver(['contribution', 'involvementForm']);
  const [active, setActive] = useState<Cell | undefined>(initial);
  const [contribution, setContribution] = useState(assignment.contribution);
  const [involvement, setInvolvement] = useState(involvementFormLabel(assignment.involvementForm, locale));
  // Someone else's change (a reload) shows at once unless this row is being typed in.
  useEffect(() => {
    if (active !== 'contribution') setContribution(assignment.contribution);
  }, [assignment.contribution]);
  useEffect(() => {
    if (active !== 'involvement') setInvolvement(involvementFormLabel(assignment.involvementForm, locale));
  }, [assignment.involvementForm, locale]);

  const save = async (next: { contribution: string; involvement: string }) => {
    setActive(undefined);
    const body = { contribution: next.contribution.trim(), involvementForm: involvementToStore(next.involvement, locale) };
    if (body.contribution === assignment.contribution && body.involvementForm === assignment.involvementForm) return;
    await saver.run(async () => {
      await networkApi(api, networkId).meeting(meeting.id).assignment(assignment.participantId).save(body, assignment.etag);
      await reload();
    });
  };

  const cellButton = (cell: Cell, label: string, text: string) => (
    <button type="button" className={classes.cellButton} aria-label={`${label}: ${text || '—'}`} onClick={() => setActive(cell)}>
      {text || '—'}
    </button>
  );

  const contributionLabel = t('tab.planner.inline.contribution', { who });
  const involvementLabel = t('tab.planner.inline.involvement', { who });

  return (
    <>
      <td className={table.td}>
        {active === 'contribution' ? (
          <Input
            autoFocus
            aria-label={contributionLabel}
            value={contribution}
            onChange={(_e, d) => setContribution(d.value)}
            onBlur={() => void save({ contribution, involvement })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void save({ contribution, involvement });
              if (event.key === 'Escape') {
                setContribution(assignment.contribution);
                setActive(undefined);
              }
            }}
            autoComplete="off"
            style={{ width: '100%' }}
          />
        ) : (
          cellButton('contribution', contributionLabel, contribution)
        )}
        {saver.saving && <Spinner className={styles.status} size="extra-tiny" label={t('tab.planner.saving')} labelPosition="after" />}
        <SavedNote compact className={styles.status} saved={!saver.saving && !saver.failure && saver.savedAt ? { at: saver.savedAt } : undefined} />
        <SaveFailureBar failure={saver.failure} onReload={async () => (await reload(), saver.clear())} />
      </td>
      <td className={table.td}>
        {active === 'involvement' ? (
          <InvolvementCombobox autoFocus label={involvementLabel} value={involvement} onChange={setInvolvement} onCommit={(text) => void save({ contribution, involvement: text })} />
        ) : (
          cellButton('involvement', involvementLabel, involvement)
        )}
      </td>
    </>
  );
}

import { useId, useMemo, useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Spinner,
  Tab,
  TabList,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { PARTICIPANT_KINDS, PARTICIPANT_ROLES, type Participant, type ParticipantKind, type ParticipantRole } from '@domain/model';
import { MAX, MAX_ITEMS } from '@domain/limits';
import { roleLabel } from '@domain/labels';
import { sameParticipant } from '@domain/participantMatch';
import { useApp } from '../../shell/AppContext';
import { ApiError } from '../../shell/api';
import { networkApi } from '../../shell/networkApi';
import { SaveFailureBar, VisuallyHidden, WarningIcon, toFailure, useTableStyles, type SaveFailure } from '../../shared/formKit';
import { parsePasteList } from './pasteList';
import { batchBody, bulkRows, isIncluded, type BulkRow, type RowChoice, type RowProblem } from './bulkRows';
import type { TeamMember } from './useTeamMembers';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(1120px, calc(100vw - 32px))', width: '100%' },
  content: { display: 'grid', gap: '12px' },
  intro: { margin: 0, maxWidth: '75ch' },
  panel: { display: 'grid', gap: '8px', paddingTop: '4px' },
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  members: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: '4px 8px',
    maxHeight: '220px',
    overflowY: 'auto',
    display: 'grid',
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: '0 4px' },
  secondary: { color: tokens.colorNeutralForeground2, marginInlineStart: '6px' },
  heading: { margin: '8px 0 0', fontSize: tokens.fontSizeBase400 },
  setAll: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  note: { display: 'flex', gap: '4px', alignItems: 'flex-start', color: tokens.colorPaletteRedForeground1 },
  skipped: { color: tokens.colorNeutralForeground2 },
  select: { minWidth: '130px' },
  name: { whiteSpace: 'nowrap' },
  noteCell: { minWidth: '26ch' },
});

interface Props {
  networkId: string;
  participants: Participant[];
  /** The network's team, as the section loaded it (empty: no team known). */
  teamMembers: TeamMember[];
  reload: () => Promise<void>;
  /** Saved: how many were added (the dialog is closed by the section). */
  onAdded: (count: number) => void;
  onCancel: () => void;
}

/**
 * "Tilføj flere": several participants in one go — ticked from the team's members or pasted as a list of names and
 * e-mails — checked in one table (kind and role per row, "Sæt for alle", problems said in words and left out), then
 * added in one request, all or none. A refusal keeps everything: the rows it names say why.
 */
export function BulkAddDialog({ networkId, participants, teamMembers, reload, onAdded, onCancel }: Props) {
  const { api, t, locale } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  const ids = { team: useId(), paste: useId(), panel: useId(), preview: useId(), setAll: useId() };
  // The team first when there is one (its members may still be loading when the dialog opens), until she chooses.
  const [chosenWay, setWay] = useState<'team' | 'paste'>();
  const way = chosenWay ?? (teamMembers.length ? 'team' : 'paste');
  const [picked, setPicked] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [text, setText] = useState('');
  const [defaultKind, setDefaultKind] = useState<ParticipantKind>('core');
  const [choices, setChoices] = useState<Record<string, RowChoice>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<SaveFailure>();

  const pasted = useMemo(() => parsePasteList(text, teamMembers), [text, teamMembers]);
  const pickedMembers = useMemo(() => teamMembers.filter((m) => picked.includes(m.userId)), [teamMembers, picked]);
  const rows = useMemo(() => bulkRows(pickedMembers, pasted, participants), [pickedMembers, pasted, participants]);
  const toSend = batchBody(rows, choices, defaultKind);
  // One request is one transaction on the server: at most MAX_ITEMS.participantsPerBatch people.
  const tooMany = toSend.length > MAX_ITEMS.participantsPerBatch;

  const typed = search.trim().toLocaleLowerCase(locale);
  const shown = typed ? teamMembers.filter((m) => `${m.name} ${m.email ?? ''}`.toLocaleLowerCase(locale).includes(typed)) : teamMembers;
  const alreadyIn = (member: TeamMember) => !!sameParticipant(participants, member);
  const choose = (key: string, choice: RowChoice) => setChoices((all) => ({ ...all, [key]: { ...all[key], ...choice } }));
  const pick = (userIds: string[], on: boolean) =>
    setPicked((now) => (on ? [...now, ...userIds.filter((id) => !now.includes(id))] : now.filter((id) => !userIds.includes(id))));
  const setAll = (kind: ParticipantKind) => {
    setDefaultKind(kind);
    setChoices((all) => Object.fromEntries(Object.entries(all).map(([key, choice]) => [key, { ...choice, kind: undefined }])));
  };

  const submit = async () => {
    setSaving(true);
    setFailure(undefined);
    setRowErrors({});
    try {
      await networkApi(api, networkId).participants.addMany(toSend.map((row) => row.body));
      await reload();
      onAdded(toSend.length);
    } catch (error) {
      const seen = toFailure(error, []);
      if (error instanceof ApiError && error.code === 'rowsRefused') {
        // Each refused row's reason goes beside the row; what names no row stays in the bar.
        const errors: Record<string, string> = {};
        const unplaced: string[] = [];
        for (const detail of error.details) {
          const key = toSend[Number(detail.path.split('.')[1])]?.key;
          if (key) errors[key] = errors[key] ? `${errors[key]} ${detail.message}` : detail.message;
          else unplaced.push(detail.message);
        }
        setRowErrors(errors);
        setFailure({ ...seen, other: unplaced });
        // The plan as it is now: someone added meanwhile shows as "already a participant" and is left out.
        await reload().catch(() => undefined);
      } else {
        setFailure(seen);
      }
    } finally {
      setSaving(false);
    }
  };

  const problemText = (problem: RowProblem): string => {
    switch (problem.kind) {
      case 'invalidEmail':
        return t('tab.participants.bulk.problem.invalidEmail', { email: problem.email });
      case 'already':
        return t('tab.participants.bulk.problem.already', { name: problem.name });
      case 'twice':
        return t('tab.participants.bulk.problem.twice', { name: problem.name });
      case 'nameTooLong':
        return t('tab.participants.bulk.problem.nameTooLong', { max: MAX.name });
      case 'unitTooLong':
        return t('tab.participants.bulk.problem.unitTooLong', { max: MAX.short });
    }
  };

  const note = (row: BulkRow) => {
    const problems = [...row.problems.map(problemText), ...(rowErrors[row.key] ? [rowErrors[row.key]!] : [])];
    if (problems.length) {
      return (
        <span className={styles.note}>
          <WarningIcon />
          <span>{problems.join(' ')}</span>
        </span>
      );
    }
    return choices[row.key]?.skip ? <span className={styles.skipped}>{t('tab.participants.bulk.skipped')}</span> : null;
  };

  const kindLabel = (kind: ParticipantKind) => t(kind === 'core' ? 'tab.participants.bulk.kind.core' : 'tab.participants.bulk.kind.along');

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface className={styles.surface} data-testid="bulk-add-dialog">
        <DialogBody>
          <DialogTitle>{t('tab.participants.bulk.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.intro}>{t('tab.participants.bulk.intro')}</p>
            <TabList selectedValue={way} onTabSelect={(_event, data) => setWay(data.value as 'team' | 'paste')} aria-label={t('tab.participants.bulk.ways')}>
              <Tab id={ids.team} value="team" aria-controls={ids.panel}>
                {t('tab.participants.bulk.fromTeam')}
              </Tab>
              <Tab id={ids.paste} value="paste" aria-controls={ids.panel}>
                {t('tab.participants.bulk.paste')}
              </Tab>
            </TabList>
            <div role="tabpanel" id={ids.panel} aria-labelledby={way === 'team' ? ids.team : ids.paste} className={styles.panel}>
              {way === 'team' ? (
                teamMembers.length === 0 ? (
                  <p>{t('tab.participants.bulk.teamEmpty')}</p>
                ) : (
                  <>
                    <div className={styles.row}>
                      <Field label={t('tab.participants.bulk.search')}>
                        <Input type="search" value={search} onChange={(_e, d) => setSearch(d.value)} autoComplete="off" />
                      </Field>
                      <Button onClick={() => pick(shown.filter((m) => !alreadyIn(m)).map((m) => m.userId), true)}>{t('tab.participants.bulk.selectAll')}</Button>
                      <Button onClick={() => pick(shown.map((m) => m.userId), false)}>{t('tab.participants.bulk.selectNone')}</Button>
                    </div>
                    <fieldset className={styles.members}>
                      <legend className={styles.legend}>{t('tab.participants.bulk.members')}</legend>
                      {shown.map((member) => {
                        const already = alreadyIn(member);
                        return (
                          <Checkbox
                            key={member.userId}
                            checked={already || picked.includes(member.userId)}
                            disabled={already}
                            onChange={(_e, d) => pick([member.userId], !!d.checked)}
                            label={
                              <>
                                {member.name}
                                {member.email && <span className={styles.secondary}>{member.email}</span>}
                                {already && <span className={styles.secondary}>({t('tab.participants.bulk.alreadyIn')})</span>}
                              </>
                            }
                          />
                        );
                      })}
                      {shown.length === 0 && <p>{t('tab.participants.bulk.noMatch', { text: search.trim() })}</p>}
                    </fieldset>
                  </>
                )
              ) : (
                <Field label={t('tab.participants.bulk.pasteLabel')} hint={t('tab.participants.bulk.pasteHint')}>
                  <Textarea value={text} onChange={(_e, d) => setText(d.value)} rows={6} resize="vertical" spellCheck={false} />
                </Field>
              )}
            </div>

            <h3 id={ids.preview} className={styles.heading}>
              {t('tab.participants.bulk.previewHeading')}
            </h3>
            {rows.length === 0 ? (
              <p className={table.muted}>{t('tab.participants.bulk.previewEmpty')}</p>
            ) : (
              <>
                <div className={styles.setAll} role="group" aria-labelledby={ids.setAll}>
                  <span id={ids.setAll}>{t('tab.participants.bulk.setAll')}</span>
                  {PARTICIPANT_KINDS.map((kind) => (
                    <Button key={kind} size="small" onClick={() => setAll(kind)} aria-pressed={defaultKind === kind && rows.every((row) => !choices[row.key]?.kind)}>
                      {kindLabel(kind)}
                    </Button>
                  ))}
                </div>
                <div className={table.wrap}>
                  <table className={table.table} aria-labelledby={ids.preview} data-testid="bulk-preview">
                    <caption>
                      <VisuallyHidden>{t('tab.participants.bulk.previewCaption')}</VisuallyHidden>
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col" className={table.th}>{t('tab.participants.bulk.col.include')}</th>
                        <th scope="col" className={table.th}>{t('tab.participants.field.name')}</th>
                        <th scope="col" className={table.th}>{t('tab.participants.field.email')}</th>
                        <th scope="col" className={table.th}>{t('tab.participants.field.unit')}</th>
                        <th scope="col" className={table.th}>{t('tab.participants.bulk.col.teams')}</th>
                        <th scope="col" className={table.th}>{t('tab.participants.field.kind')}</th>
                        <th scope="col" className={table.th}>{t('tab.participants.field.role')}</th>
                        <th scope="col" className={table.th}>{t('tab.participants.bulk.col.note')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((row) => {
                        const choice = choices[row.key];
                        const invalid = row.problems.find((p) => p.kind === 'invalidEmail');
                        return (
                          <tr key={row.key} data-row={row.key}>
                            <td className={table.td}>
                              <Checkbox
                                checked={isIncluded(row, choice)}
                                disabled={row.problems.length > 0}
                                aria-label={t('tab.participants.bulk.include', { name: row.name })}
                                onChange={(_e, d) => choose(row.key, { skip: !d.checked })}
                              />
                            </td>
                            <th scope="row" className={mergeClasses(table.rowHeader, styles.name)}>
                              {row.name}
                            </th>
                            <td className={table.td}>{row.email ?? (invalid?.kind === 'invalidEmail' ? invalid.email : '')}</td>
                            <td className={table.td}>{row.unit}</td>
                            <td className={table.td}>{t(row.userId ? 'tab.participants.bulk.linked' : 'tab.participants.bulk.notLinked')}</td>
                            <td className={table.td}>
                              <Select
                                className={styles.select}
                                aria-label={t('tab.participants.bulk.kindOf', { name: row.name })}
                                value={choice?.kind ?? defaultKind}
                                onChange={(_e, d) => choose(row.key, { kind: d.value as ParticipantKind })}
                              >
                                {PARTICIPANT_KINDS.map((kind) => (
                                  <option key={kind} value={kind}>
                                    {kindLabel(kind)}
                                  </option>
                                ))}
                              </Select>
                            </td>
                            <td className={table.td}>
                              <Select
                                className={styles.select}
                                aria-label={t('tab.participants.bulk.roleOf', { name: row.name })}
                                value={choice?.role ?? 'employee'}
                                onChange={(_e, d) => choose(row.key, { role: d.value as ParticipantRole })}
                              >
                                {PARTICIPANT_ROLES.map((role) => (
                                  <option key={role} value={role}>
                                    {roleLabel(role, locale)}
                                  </option>
                                ))}
                              </Select>
                            </td>
                            <td className={mergeClasses(table.td, styles.noteCell)}>{note(row)}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </>
            )}
            {tooMany && (
              <p className={styles.note} role="alert">
                <WarningIcon />
                <span>{t('tab.participants.bulk.tooMany', { max: MAX_ITEMS.participantsPerBatch })}</span>
              </p>
            )}
            <SaveFailureBar
              failure={failure}
              onReload={async () => {
                await reload();
                setFailure(undefined);
              }}
            />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={saving || toSend.length === 0 || tooMany} onClick={() => void submit()}>
              {t('tab.participants.bulk.submit', { count: toSend.length })}
            </Button>
            {saving && <Spinner size="tiny" label={t('tab.planner.saving')} />}
            <Button onClick={onCancel}>{t('tab.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

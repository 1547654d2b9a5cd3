import { useId, useRef, useState } from 'react';
import { Button, Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Participant, ParticipantKind } from '@domain/model';
import { competenceAreaLabel, roleLabel } from '@domain/labels';
import { useApp } from '../../shell/AppContext';
import type { SectionProps } from '../SectionProps';
import { byIds, useAnnouncer, useFocusAfterRender, useTableStyles } from '../../shared/formKit';
import { ItemActions } from '../../shared/ItemActions';
import { PlanSection, headingIdOf } from '../../shared/PlanSection';
import { useDeleteConfirmation } from '../../shared/useDeleteConfirmation';
import { useInlineEditing } from '../../shared/useInlineEditing';
import { KIND_HELP, ParticipantForm } from './ParticipantForm';
import { CompetenceDiamond } from './CompetenceDiamond';
import { orderParticipants } from './order';
import { useTeamMembers } from './useTeamMembers';
import { RolesBlock } from './RolesBlock';
import { networkRoleOfParticipant } from '@domain/access';
import { networkApi } from '../../shell/networkApi';
import { InvitationStatus } from '../invitations/InvitationStatus';
import { SectionAdvice } from '../advice/AdviceBox';
import { BulkAddDialog } from './BulkAddDialog';
import { BulkChangeBar } from './BulkChangeBar';

const useStyles = makeStyles({
  groupHeading: { margin: '20px 0 2px', fontSize: tokens.fontSizeBase500 },
  groupHelp: { margin: '0 0 8px', color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  you: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  addButtons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  selectCell: { width: '1%' },
});

/** Participants ticked in the list, for the bar that changes several at once. */
interface Selection {
  selected: ReadonlySet<string>;
  toggle: (ids: string[], on: boolean) => void;
}

/** The register of the network's people: core and along-the-way, their roles and the competences they bring. */
export function ParticipantsSection({ plan, canEdit, reload }: SectionProps) {
  const { t, api, locale } = useApp();
  const styles = useStyles();
  // Its forms close when saved: the outcome is shown in the section as well as announced.
  const { announce, region } = useAnnouncer({ visible: true });
  const networkId = plan.network.id;
  const ordered = orderParticipants(plan.participants, locale);
  const teamMembers = useTeamMembers(networkId, canEdit);
  const editor = useInlineEditing<Participant>((participant) => `participant-edit-${participant.id}`);
  const deletion = useDeleteConfirmation<Participant>({
    remove: (participant) =>
      networkApi(api, networkId).participants.remove(participant.id, plan.participants.find((p) => p.id === participant.id)?.etag ?? participant.etag),
    reload,
    texts: ({ name }) => ({
      title: t('tab.participants.confirmTitle', { name }),
      body: t('tab.participants.confirmBody', { name }),
      confirmLabel: t('tab.participants.confirmDelete'),
    }),
    onDeleted: ({ name }) => announce(t('tab.participants.deleted', { name })),
    focusAfterDelete: () => editor.addButton.current ?? byIds(headingIdOf('participants')),
    focusAfterCancel: (participant) => byIds(`participant-delete-${participant.id}`),
  });
  const { editing, edited } = editor;
  // "Tilføj flere" (a dialog) and the participants ticked for "Sæt som Kerne | Undervejs | Rolle".
  const [bulkOpen, setBulkOpen] = useState(false);
  const moreButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useFocusAfterRender();
  const closeBulk = () => {
    setBulkOpen(false);
    focusAfter(() => moreButton.current);
  };
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const selectedIds = plan.participants.filter((p) => ticked.has(p.id)).map((p) => p.id);
  const selection: Selection = {
    selected: ticked,
    toggle: (ids, on) =>
      setTicked((now) => {
        const next = new Set(now);
        for (const id of ids) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
  };
  const listEditable = canEdit && !editing;

  return (
    <PlanSection
      name="participants"
      title={t('tab.participants.heading')}
      intro={t('tab.participants.intro')}
      afterIntro={
        <>
          <SectionAdvice advice={plan.advice} section="participants" />
          <RolesBlock plan={plan} reload={reload} announce={announce} teamMembers={teamMembers} />
        </>
      }
      region={region}
    >
      {listEditable && (
        <div className={styles.addButtons}>
          <Button appearance="primary" ref={editor.addButton} onClick={editor.add}>
            {t('tab.participants.add')}
          </Button>
          <Button ref={moreButton} onClick={() => setBulkOpen(true)}>
            {t('tab.participants.bulk.open')}
          </Button>
        </div>
      )}
      {canEdit && bulkOpen && (
        <BulkAddDialog
          networkId={networkId}
          participants={plan.participants}
          teamMembers={teamMembers}
          reload={reload}
          onCancel={closeBulk}
          onAdded={(count) => {
            announce(t('tab.participants.bulk.added', { count }));
            closeBulk();
          }}
        />
      )}
      {listEditable && selectedIds.length > 0 && (
        <BulkChangeBar
          networkId={networkId}
          selected={selectedIds}
          reload={reload}
          onChanged={announce}
          onClear={() => {
            setTicked(new Set());
            focusAfter(() => byIds(headingIdOf('participants')));
          }}
        />
      )}
      {canEdit && editing && (
        <ParticipantForm
          key={edited?.id ?? 'new'}
          networkId={networkId}
          participant={edited}
          latestEtag={edited ? plan.participants.find((p) => p.id === edited.id)?.etag : undefined}
          teamMembers={teamMembers}
          reload={reload}
          onCancel={editor.close}
          onDone={({ name, created }) => {
            announce(t(created ? 'tab.participants.added' : 'tab.participants.saved', { name }));
            editor.close();
          }}
        />
      )}
      {(['core', 'along'] as const).map((kind) => (
        <ParticipantGroup
          key={kind}
          kind={kind}
          participants={ordered.filter((p) => p.kind === kind)}
          plan={plan}
          myParticipantId={plan.myParticipantId}
          canEdit={listEditable}
          selection={selection}
          onEdit={editor.edit}
          onDelete={deletion.ask}
        />
      ))}
      <CompetenceDiamond participants={plan.participants} />
      {deletion.dialog}
    </PlanSection>
  );
}

function ParticipantGroup(props: {
  kind: ParticipantKind;
  participants: Participant[];
  plan: SectionProps['plan'];
  myParticipantId?: string;
  canEdit: boolean;
  selection: Selection;
  onEdit: (p: Participant) => void;
  onDelete: (p: Participant) => void;
}) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  const headingId = useId();
  const { kind, participants } = props;
  // Invitations (sent, answered) are the leaders' to see, as the API has it.
  const leads = props.plan.role === 'leader' || props.plan.role === 'coDriver';
  // The network's co-driver or reference leader says so, also when their own role says something else.
  const participantRoleText = (plan: SectionProps['plan'], p: Participant) => {
    const networkRole = networkRoleOfParticipant(plan, p);
    return networkRole && networkRole !== p.role
      ? t('tab.participants.networkRole', { role: roleLabel(p.role, locale), networkRole: roleLabel(networkRole, locale).toLocaleLowerCase(locale) })
      : roleLabel(p.role, locale);
  };
  const heading = t(kind === 'core' ? 'tab.participants.groupCore' : 'tab.participants.groupAlong', { count: participants.length });
  const { selected, toggle } = props.selection;
  const ids = participants.map((p) => p.id);
  const tickedHere = ids.filter((id) => selected.has(id)).length;
  return (
    <>
      <h3 id={headingId} className={styles.groupHeading}>
        {heading}
      </h3>
      <p className={styles.groupHelp}>{t(KIND_HELP[kind])}</p>
      {participants.length === 0 ? (
        <p className={table.muted}>{t('tab.participants.none')}</p>
      ) : (
        <div className={table.wrap}>
          <table className={table.table} aria-labelledby={headingId} data-kind={kind}>
            <thead>
              <tr>
                <th scope="col" className={table.th}>{t('tab.participants.field.name')}</th>
                <th scope="col" className={table.th}>{t('tab.participants.field.role')}</th>
                <th scope="col" className={table.th}>{t('tab.participants.field.unit')}</th>
                <th scope="col" className={table.th}>{t('tab.participants.field.email')}</th>
                <th scope="col" className={table.th}>{t('tab.participants.col.competences')}</th>
                {leads && <th scope="col" className={table.th}>{t('invitation.tab.participantsColumn')}</th>}
                {props.canEdit && <th scope="col" className={table.th}>{t('tab.participants.col.actions')}</th>}
                {/* Ticking for "Sæt som Kerne | Undervejs | Rolle" comes last, so a row still reads name, role, … from the left. */}
                {props.canEdit && (
                  <th scope="col" className={mergeClasses(table.th, styles.selectCell)}>
                    <Checkbox
                      aria-label={t('tab.participants.bulk.selectGroup', { group: heading })}
                      checked={tickedHere === 0 ? false : tickedHere === ids.length ? true : 'mixed'}
                      onChange={(_e, d) => toggle(ids, d.checked === true)}
                    />
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {participants.map((p) => {
                const competences = [...p.competenceAreas.map((a) => competenceAreaLabel(a, locale)), ...p.customCompetences];
                return (
                  <tr key={p.id} data-participant={p.id}>
                    <th scope="row" className={table.rowHeader}>
                      {p.name}
                      {p.id === props.myParticipantId && <span className={styles.you}> {t('tab.participants.you')}</span>}
                    </th>
                    <td className={table.td}>{participantRoleText(props.plan, p)}</td>
                    <td className={table.td}>{p.unit}</td>
                    <td className={table.td}>{p.email}</td>
                    <td className={table.td}>{competences.join(', ')}</td>
                    {leads && <td className={table.td}><InvitationStatus invitation={props.plan.invitations?.find((i) => i.participantId === p.id)} /></td>}
                    {props.canEdit && (
                      <td className={table.td}>
                        <ItemActions
                          className={table.actions}
                          editId={`participant-edit-${p.id}`}
                          removeId={`participant-delete-${p.id}`}
                          editLabel={t('tab.participants.editLabel', { name: p.name })}
                          removeLabel={t('tab.participants.deleteLabel', { name: p.name })}
                          onEdit={() => props.onEdit(p)}
                          onRemove={() => props.onDelete(p)}
                        />
                      </td>
                    )}
                    {props.canEdit && (
                      <td className={table.td}>
                        <Checkbox aria-label={t('tab.participants.bulk.select', { name: p.name })} checked={selected.has(p.id)} onChange={(_e, d) => toggle([p.id], !!d.checked)} />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

import { useId, useRef, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Participant, ParticipantKind } from '../../../bot/domain/model';
import { competenceAreaLabel, roleLabel } from '../../../bot/domain/labels';
import { useApp } from '../shell/AppContext';
import type { SectionProps } from './PlanPage';
import { ConfirmDialog, byIds, useAnnouncer, useFocusAfterRender, useSaver, useTableStyles } from './planner/formKit';
import { KIND_HELP, ParticipantForm } from './participants/ParticipantForm';
import { CompetenceDiamond } from './participants/CompetenceDiamond';
import { orderParticipants } from './participants/order';

const useStyles = makeStyles({
  heading: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase600 },
  intro: { margin: '0 0 12px', maxWidth: '70ch' },
  groupHeading: { margin: '20px 0 2px', fontSize: tokens.fontSizeBase500 },
  groupHelp: { margin: '0 0 8px', color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  you: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
});

type Editing = { mode: 'add' } | { mode: 'edit'; participant: Participant };

/** The register of the network's people: core and along-the-way, their roles and the competences they bring. */
export function ParticipantsSection({ plan, canEdit, reload }: SectionProps) {
  const { t, api, locale } = useApp();
  const styles = useStyles();
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<Participant>();
  const focusAfter = useFocusAfterRender();
  const addButton = useRef<HTMLButtonElement>(null);
  const { announce, region } = useAnnouncer();
  const remover = useSaver([]);
  const networkId = plan.network.id;
  const ordered = orderParticipants(plan.participants, locale);

  const open = (next: Editing) => setEditing(next);
  /** Back to the row's edit button after editing, to the add button after adding. */
  const close = () => {
    const returnTo = editing?.mode === 'edit' ? `participant-edit-${editing.participant.id}` : undefined;
    setEditing(undefined);
    focusAfter(() => byIds(returnTo) ?? addButton.current);
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    const current = plan.participants.find((p) => p.id === deleting.id);
    const ok = await remover.run(async () => {
      await api.del(`/api/networks/${encodeURIComponent(networkId)}/participants/${encodeURIComponent(deleting.id)}`, current?.etag ?? deleting.etag ?? '');
      await reload();
    });
    if (ok) {
      announce(t('tab.participants.deleted', { name: deleting.name }));
      setDeleting(undefined);
      focusAfter(() => addButton.current ?? byIds('participants-heading'));
    }
  };

  const editingId = editing?.mode === 'edit' ? editing.participant.id : undefined;

  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading" className={styles.heading} tabIndex={-1}>
        {t('tab.participants.heading')}
      </h2>
      <p className={styles.intro}>{t('tab.participants.intro')}</p>
      {region}
      {canEdit && !editing && (
        <Button appearance="primary" ref={addButton} onClick={() => open({ mode: 'add' })}>
          {t('tab.participants.add')}
        </Button>
      )}
      {canEdit && editing && (
        <ParticipantForm
          key={editingId ?? 'new'}
          networkId={networkId}
          participant={editing.mode === 'edit' ? editing.participant : undefined}
          latestEtag={editingId ? plan.participants.find((p) => p.id === editingId)?.etag : undefined}
          reload={reload}
          onCancel={close}
          onDone={({ name, created }) => {
            announce(t(created ? 'tab.participants.added' : 'tab.participants.saved', { name }));
            close();
          }}
        />
      )}
      {(['core', 'along'] as const).map((kind) => (
        <ParticipantGroup
          key={kind}
          kind={kind}
          participants={ordered.filter((p) => p.kind === kind)}
          myParticipantId={plan.myParticipantId}
          canEdit={canEdit && !editing}
          onEdit={(participant) => open({ mode: 'edit', participant })}
          onDelete={(participant) => {
            remover.clear();
            setDeleting(participant);
          }}
        />
      ))}
      <CompetenceDiamond participants={plan.participants} />
      <ConfirmDialog
        open={!!deleting}
        title={t('tab.participants.confirmTitle', { name: deleting?.name ?? '' })}
        body={t('tab.participants.confirmBody', { name: deleting?.name ?? '' })}
        confirmLabel={t('tab.participants.confirmDelete')}
        busy={remover.saving}
        failure={remover.failure}
        onConfirm={() => void confirmDelete()}
        onCancel={() => {
          const returnTo = `participant-delete-${deleting?.id}`;
          setDeleting(undefined);
          focusAfter(() => byIds(returnTo));
        }}
        onReload={async () => {
          await reload();
          remover.clear();
        }}
      />
    </section>
  );
}

function ParticipantGroup(props: {
  kind: ParticipantKind;
  participants: Participant[];
  myParticipantId?: string;
  canEdit: boolean;
  onEdit: (p: Participant) => void;
  onDelete: (p: Participant) => void;
}) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  const headingId = useId();
  const { kind, participants } = props;
  const heading = t(kind === 'core' ? 'tab.participants.groupCore' : 'tab.participants.groupAlong', { count: participants.length });
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
                {props.canEdit && <th scope="col" className={table.th}>{t('tab.participants.col.actions')}</th>}
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
                    <td className={table.td}>{roleLabel(p.role, locale)}</td>
                    <td className={table.td}>{p.unit}</td>
                    <td className={table.td}>{p.email}</td>
                    <td className={table.td}>{competences.join(', ')}</td>
                    {props.canEdit && (
                      <td className={table.td}>
                        <div className={table.actions}>
                          <Button id={`participant-edit-${p.id}`} size="small" onClick={() => props.onEdit(p)} aria-label={t('tab.participants.editLabel', { name: p.name })}>
                            {t('tab.edit')}
                          </Button>
                          <Button id={`participant-delete-${p.id}`} size="small" onClick={() => props.onDelete(p)} aria-label={t('tab.participants.deleteLabel', { name: p.name })}>
                            {t('tab.delete')}
                          </Button>
                        </div>
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

import { useId, useState } from 'react';
import { Button, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { PARTICIPANT_ROLES, type ParticipantKind, type ParticipantRole } from '@domain/model';
import { roleLabel } from '@domain/labels';
import { useApp } from '../../shell/AppContext';
import { networkApi } from '../../shell/networkApi';
import { SaveFailureBar, toFailure, type SaveFailure } from '../../shared/formKit';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    gap: '8px',
    alignItems: 'center',
    flexWrap: 'wrap',
    padding: '8px 12px',
    marginBlock: '12px 0',
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  count: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: '4px' },
  role: { display: 'flex', gap: '6px', alignItems: 'center' },
});

interface Props {
  networkId: string;
  /** The selected participants' ids (all still in the plan). */
  selected: string[];
  reload: () => Promise<void>;
  /** Saved: what to say in the section. */
  onChanged: (message: string) => void;
  onClear: () => void;
}

/** "3 deltagere valgt: Sæt som Kerne | Sæt som Undervejs | Rolle …" — one request for all of them, all or none. */
export function BulkChangeBar({ networkId, selected, reload, onChanged, onClear }: Props) {
  const { api, t, locale } = useApp();
  const styles = useStyles();
  const labelId = useId();
  const roleId = useId();
  const [role, setRole] = useState<ParticipantRole>('employee');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SaveFailure>();
  const count = selected.length;

  const change = async (body: { kind?: ParticipantKind; role?: ParticipantRole }, message: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await networkApi(api, networkId).participants.changeMany(selected, body);
      await reload();
      onChanged(message);
    } catch (error) {
      setFailure(toFailure(error, []));
    } finally {
      setBusy(false);
    }
  };
  const setKind = (kind: ParticipantKind) =>
    change({ kind }, t('tab.participants.bulk.changedKind', { count, kind: t(kind === 'core' ? 'tab.participants.bulk.kind.core' : 'tab.participants.bulk.kind.along') }));

  return (
    <>
      <div className={styles.bar} role="group" aria-labelledby={labelId} data-testid="bulk-change-bar">
        <span id={labelId} className={styles.count}>
          {t('tab.participants.bulk.selected', { count })}
        </span>
        <Button disabledFocusable={busy} onClick={() => void setKind('core')}>
          {t('tab.participants.bulk.setCore')}
        </Button>
        <Button disabledFocusable={busy} onClick={() => void setKind('along')}>
          {t('tab.participants.bulk.setAlong')}
        </Button>
        <span className={styles.role}>
          <label htmlFor={roleId}>{t('tab.participants.bulk.role')}</label>
          <Select id={roleId} value={role} onChange={(_e, d) => setRole(d.value as ParticipantRole)}>
            {PARTICIPANT_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r, locale)}
              </option>
            ))}
          </Select>
          <Button disabledFocusable={busy} onClick={() => void change({ role }, t('tab.participants.bulk.changedRole', { count, role: roleLabel(role, locale) }))}>
            {t('tab.participants.bulk.setRole')}
          </Button>
        </span>
        <Button appearance="subtle" onClick={onClear}>
          {t('tab.participants.bulk.clear')}
        </Button>
        {busy && <Spinner size="tiny" label={t('tab.planner.saving')} />}
      </div>
      <SaveFailureBar
        failure={failure}
        onReload={async () => {
          await reload();
          setFailure(undefined);
        }}
      />
    </>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { participantKindLabel } from '@domain/labels';
import { useApp } from '../../shell/AppContext';
import type { InvitationsView, PersonalInvitationView } from '../../shell/networkApi';
import { useNetworkApi } from '../../shell/useNetworkApi';
import type { SectionProps } from '../SectionProps';
import { byIds, useAnnouncer, useFocusAfterRender, useTableStyles } from '../../shared/formKit';
import { PlanSection } from '../../shared/PlanSection';
import { CommonInvitation } from './CommonInvitation';
import { PersonalInvitation } from './PersonalInvitation';
import { InvitationStatus } from './InvitationStatus';

const useStyles = makeStyles({
  heading: { margin: '20px 0 2px', fontSize: tokens.fontSizeBase500 },
  help: { margin: '0 0 8px', color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  kind: { display: 'block', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
});

/** The invitations as the server drafts and stores them; `refresh()` answers the new view. */
function useInvitations(networkId: string) {
  const client = useNetworkApi(networkId);
  const [view, setView] = useState<InvitationsView>();
  const [error, setError] = useState<string>();
  const refresh = useCallback(async () => {
    try {
      const next = await client.invitations.get();
      setView(next);
      setError(undefined);
      return next;
    } catch (failure) {
      setError((failure as Error).message);
      return undefined;
    }
  }, [client]);
  useEffect(() => void refresh(), [refresh]);
  return { client, view, error, refresh };
}

/**
 * "Indled kontakt til potentielle deltagere" (the handbook): the common written invitation and a personal one to each
 * participant, drafted from the theme, the participants and the meetings; sent in Teams as a card with "Ja" / "Nej
 * tak", or by e-mail / as text with the status recorded by hand. Leaders only, as the API.
 */
export function InvitationsSection({ plan, reload }: SectionProps) {
  const { t } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  const { announce, region } = useAnnouncer();
  const { client, view, error, refresh } = useInvitations(plan.network.id);
  const [open, setOpen] = useState<string>();
  const focusAfter = useFocusAfterRender();
  // The plan too: *Deltagere* shows the statuses.
  const refreshAll = async () => {
    const next = await refresh();
    await reload();
    return next;
  };
  const chosen = view?.personal.find((p) => p.participantId === open);

  return (
    <PlanSection name="invitations" title={t('invitation.tab.heading')} intro={t('invitation.tab.intro')} region={region}>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!view ? (
        !error && <Spinner label={t('invitation.tab.loading')} />
      ) : (
        <>
          <CommonInvitation client={client} view={view.common} refresh={refreshAll} announce={announce} />
          <h3 id="invitations-personal-heading" className={styles.heading}>
            {t('invitation.tab.personal.heading')}
          </h3>
          <p className={styles.help}>{t('invitation.tab.personal.intro')}</p>
          {view.personal.length === 0 ? (
            <p className={table.muted}>{t('invitation.tab.personal.none')}</p>
          ) : (
            <PersonalTable personal={view.personal} onWrite={(p) => setOpen(p.participantId)} />
          )}
          {chosen && (
            <PersonalInvitation
              key={chosen.participantId}
              client={client}
              invitation={chosen}
              refresh={refreshAll}
              announce={announce}
              onClose={() => {
                setOpen(undefined);
                focusAfter(() => byIds(`invitation-write-${chosen.participantId}`));
              }}
            />
          )}
        </>
      )}
    </PlanSection>
  );
}

function PersonalTable({ personal, onWrite }: { personal: PersonalInvitationView[]; onWrite: (p: PersonalInvitationView) => void }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  return (
    <div className={table.wrap}>
      <table className={table.table} aria-labelledby="invitations-personal-heading">
        <thead>
          <tr>
            <th scope="col" className={table.th}>{t('invitation.tab.col.participant')}</th>
            <th scope="col" className={table.th}>{t('invitation.tab.col.reach')}</th>
            <th scope="col" className={table.th}>{t('invitation.tab.col.status')}</th>
            <th scope="col" className={table.th}>{t('invitation.tab.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {personal.map((p) => (
            <tr key={p.participantId} data-invitation={p.participantId}>
              <th scope="row" className={table.rowHeader}>
                {p.name}
                <span className={styles.kind}>{participantKindLabel(p.kind, locale)}</span>
              </th>
              <td className={table.td}>
                {p.hasTeams ? t('invitation.tab.reach.teams') : p.email ? t('invitation.tab.reach.email', { email: p.email }) : t('invitation.tab.reach.none')}
              </td>
              <td className={table.td}>
                <InvitationStatus invitation={p} />
              </td>
              <td className={table.td}>
                <Button id={`invitation-write-${p.participantId}`} aria-label={t('invitation.tab.writeLabel', { name: p.name })} onClick={() => onWrite(p)}>
                  {t('invitation.tab.write')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

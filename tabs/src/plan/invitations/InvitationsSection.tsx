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
import { useReach } from '../reach/useReach';
import type { NetworkReach } from '../../shell/networkApi';
import { personProblem, type Translate } from '../../../../bot/sending/view';

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
  // Whom the bot reaches in Teams now, so the table does not offer Teams where the card could not arrive.
  const { reach } = useReach(plan.network.id, plan);
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
            <PersonalTable personal={view.personal} reach={reach} onWrite={(p) => setOpen(p.participantId)} />
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

/** How a person can be invited: Teams only where the bot really reaches them now (else why not), e-mail where there is one. */
function reachText(p: PersonalInvitationView, reach: NetworkReach | undefined, t: Translate): string {
  const email = p.email ? t('invitation.tab.reach.email', { email: p.email }) : undefined;
  if (!p.hasTeams) return email ?? t('invitation.tab.reach.none');
  const status = reach?.participants.find((r) => r.participantId === p.participantId)?.status;
  if (!status || status === 'ok') return t('invitation.tab.reach.teams');
  const teams = t('invitation.tab.reach.teamsUnreachable', { reason: personProblem(t, status).reason });
  return email ? `${teams} · ${email}` : teams;
}

function PersonalTable({ personal, reach, onWrite }: { personal: PersonalInvitationView[]; reach?: NetworkReach; onWrite: (p: PersonalInvitationView) => void }) {
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
                {reachText(p, reach, t)}
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

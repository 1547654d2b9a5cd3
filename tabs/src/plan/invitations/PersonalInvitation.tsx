import { useEffect, useRef, useState } from 'react';
import { Button, Spinner } from '@fluentui/react-components';
import type { InvitationStatus } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import type { NetworkApi, InvitationsView, PersonalInvitationView } from '../../shell/networkApi';
import { SaveFailureBar, useSaver } from '../../shared/formKit';
import { formatDateTime } from '../../shared/formatDateTime';
import { InvitationStatus as StatusText } from './InvitationStatus';
import { CopyButton, EmlButton, InvitationFields, OutcomeBar, RedraftButton, useStyles, type InvitationDraft, type Outcome } from './parts';

interface Props {
  client: NetworkApi;
  invitation: PersonalInvitationView;
  refresh: () => Promise<InvitationsView | undefined>;
  announce: (message: string) => void;
  onClose: () => void;
}

/**
 * One participant's invitation ("personlig henvendelse"): edit the draft, send it in Teams (the answer says whether
 * it arrived), or copy it / download it as an e-mail and record by hand that it was sent and what they answered.
 */
export function PersonalInvitation({ client, invitation, refresh, announce, onClose }: Props) {
  const { t } = useApp();
  const styles = useStyles();
  const api = client.invitations.personal(invitation.participantId);
  const { name } = invitation;
  const [draft, setDraft] = useState<InvitationDraft>({ subject: invitation.subject, text: invitation.text });
  const [etag, setEtag] = useState(invitation.etag);
  const [stored, setStored] = useState<InvitationDraft | undefined>(invitation.saved ? { subject: invitation.subject, text: invitation.text } : undefined);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState<string>();
  const saver = useSaver(['subject', 'text']);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const dirty = !stored || stored.subject !== draft.subject || stored.text !== draft.text;
  const idPrefix = `invitation-${invitation.participantId}`;

  const keep = (saved: { subject: string; text: string; etag?: string }) => {
    setEtag(saved.etag);
    setStored({ subject: saved.subject, text: saved.text });
  };
  // The outcome bar is a live region itself: read out once.
  const say = setOutcome;

  const saveDraft = () =>
    saver.run(async () => {
      keep(await api.save(draft, etag));
      say({ intent: 'success', message: t('invitation.tab.draftSaved', { name }) });
      await refresh();
    });

  /** A send or a status by hand: one at a time, its outcome (or the server's reason) shown and read out. */
  const act = async (label: string, work: () => Promise<string>) => {
    setBusy(label);
    setOutcome(undefined);
    try {
      say({ intent: 'success', message: await work() });
      await refresh();
    } catch (error) {
      say({ intent: 'error', message: (error as Error).message });
    } finally {
      setBusy(undefined);
    }
  };

  const sendInTeams = () =>
    act(t('invitation.tab.sending'), async () => {
      const sent = await api.send({ ...draft, via: 'teams' });
      keep(sent);
      return t('invitation.tab.sent', { name, time: formatDateTime(sent.sentAt ?? '') });
    });
  const markSent = (via: 'email' | 'other') =>
    act(t('tab.planner.saving'), async () => {
      keep(await api.send({ ...draft, via }));
      return t('invitation.tab.marked.invited', { name });
    });
  const mark = (status: InvitationStatus | null) =>
    act(t('tab.planner.saving'), async () => {
      keep(await api.setStatus({ status }));
      return t(`invitation.tab.marked.${status ?? 'none'}`, { name });
    });

  const answered = invitation.status === 'accepted' || invitation.status === 'declined';
  const byHand = invitation.status && invitation.via !== 'teams';
  return (
    <section aria-labelledby={`${idPrefix}-heading`} className={styles.box} data-testid="personal-invitation">
      <h3 id={`${idPrefix}-heading`} ref={heading} tabIndex={-1} className={styles.heading}>
        {t('invitation.tab.editor.heading', { name })}
      </h3>
      <p className={styles.note}>
        <StatusText invitation={invitation} />
      </p>
      <p className={styles.note}>{invitation.hasTeams ? t('invitation.tab.teamsHint', { name }) : t('invitation.tab.noTeamsHint', { name })}</p>
      {invitation.hasTeams && answered && invitation.via === 'teams' && <p className={styles.note}>{t('invitation.tab.resendNote', { name })}</p>}
      <InvitationFields draft={draft} onChange={setDraft} failure={saver.failure} idPrefix={idPrefix} />
      <SaveFailureBar
        failure={saver.failure}
        onReload={async () => {
          const latest = await refresh();
          setEtag(latest?.personal.find((p) => p.participantId === invitation.participantId)?.etag);
          saver.clear();
          announce(t('tab.conflict.kept'));
        }}
      />
      <div className={styles.buttons}>
        {invitation.hasTeams && (
          <Button appearance="primary" disabledFocusable={!!busy} onClick={() => void sendInTeams()}>
            {t('invitation.tab.sendTeams')}
          </Button>
        )}
        <Button disabledFocusable={saver.saving || !!busy} onClick={() => void saveDraft()}>
          {t('invitation.tab.saveDraft')}
        </Button>
        <CopyButton text={draft.text} textareaId={`${idPrefix}-text`} onOutcome={say} />
        <EmlButton download={() => api.eml('invitation.eml')} beforeDownload={async () => !dirty || (await saveDraft())} onOutcome={say} />
        <RedraftButton draft={invitation.draft} onRedraft={(fresh) => { setDraft(fresh); say({ intent: 'info', message: t('invitation.tab.redrafted') }); }} />
      </div>
      <div role="group" aria-labelledby={`${idPrefix}-byhand`} className={styles.buttons}>
        <h4 id={`${idPrefix}-byhand`} className={styles.subheading}>
          {t('invitation.tab.byHand')}
        </h4>
        <div className={styles.buttons}>
          <Button disabledFocusable={!!busy} onClick={() => void markSent('email')}>
            {t('invitation.tab.markSentEmail')}
          </Button>
          <Button disabledFocusable={!!busy} onClick={() => void markSent('other')}>
            {t('invitation.tab.markSentOther')}
          </Button>
          {byHand && (
            <>
              <Button disabledFocusable={!!busy} onClick={() => void mark('accepted')}>
                {t('invitation.tab.markAccepted')}
              </Button>
              <Button disabledFocusable={!!busy} onClick={() => void mark('declined')}>
                {t('invitation.tab.markDeclined')}
              </Button>
            </>
          )}
          {invitation.status && (
            <Button disabledFocusable={!!busy} onClick={() => void mark(null)}>
              {t('invitation.tab.markReset')}
            </Button>
          )}
        </div>
      </div>
      {invitation.status && invitation.via === 'teams' && <p className={styles.note}>{t('invitation.tab.answersInTeams', { name })}</p>}
      <div className={styles.buttons}>
        {busy && <Spinner size="tiny" label={busy} />}
        {saver.saving && <Spinner size="tiny" label={t('tab.planner.saving')} />}
      </div>
      <OutcomeBar outcome={outcome} />
      <div className={styles.buttons}>
        <Button onClick={onClose}>{t('invitation.tab.editor.close')}</Button>
      </div>
    </section>
  );
}

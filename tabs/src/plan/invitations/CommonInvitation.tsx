import { useState } from 'react';
import { Button, Spinner } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import type { NetworkApi, InvitationsView } from '../../shell/networkApi';
import { SaveFailureBar, useSaver } from '../../shared/formKit';
import { formatDateTime } from '../../shared/formatDateTime';
import { CopyButton, EmlButton, InvitationFields, OutcomeBar, RedraftButton, useStyles, type InvitationDraft, type Outcome } from './parts';

interface Props {
  client: NetworkApi;
  view: InvitationsView['common'];
  /** The view again from the server (after a save or a conflict). */
  refresh: () => Promise<InvitationsView | undefined>;
  announce: (message: string) => void;
}

/** "Fælles invitation": the written invitation for a whole group, drafted from the plan; save, copy, or as an e-mail. */
export function CommonInvitation({ client, view, refresh, announce }: Props) {
  const { t } = useApp();
  const styles = useStyles();
  const [draft, setDraft] = useState<InvitationDraft>({ subject: view.subject, text: view.text });
  const [etag, setEtag] = useState(view.etag);
  const [saved, setSaved] = useState<InvitationDraft | undefined>(view.saved ? { subject: view.subject, text: view.text } : undefined);
  const [outcome, setOutcome] = useState<Outcome>();
  const saver = useSaver(['subject', 'text']);
  const dirty = !saved || saved.subject !== draft.subject || saved.text !== draft.text;

  const save = () =>
    saver.run(async () => {
      const stored = await client.invitations.saveCommon(draft, etag);
      setEtag(stored.etag);
      setSaved({ subject: stored.subject, text: stored.text });
      setDraft({ subject: stored.subject, text: stored.text });
      setOutcome({ intent: 'success', message: t('invitation.tab.common.saved') });
      await refresh();
    });

  return (
    <section aria-labelledby="invitation-common-heading" className={styles.box}>
      <h3 id="invitation-common-heading" className={styles.heading}>
        {t('invitation.tab.common.heading')}
      </h3>
      <p className={styles.note}>{t('invitation.tab.common.intro')}</p>
      <p className={styles.note}>
        {view.saved && view.updatedAt ? t('invitation.tab.savedBy', { date: formatDateTime(view.updatedAt), name: view.updatedBy ?? '' }) : t('invitation.tab.draftNote')}
      </p>
      <InvitationFields draft={draft} onChange={setDraft} failure={saver.failure} idPrefix="invitation-common" />
      <SaveFailureBar
        failure={saver.failure}
        onReload={async () => {
          const latest = await refresh();
          setEtag(latest?.common.etag);
          saver.clear();
          announce(t('tab.conflict.kept'));
        }}
      />
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={saver.saving} onClick={() => void save()}>
          {t('tab.save')}
        </Button>
        <CopyButton text={draft.text} textareaId="invitation-common-text" onOutcome={setOutcome} />
        <EmlButton download={() => client.invitations.commonEml('invitation.eml')} beforeDownload={async () => !dirty || (await save())} onOutcome={setOutcome} />
        <RedraftButton
          draft={view.draft}
          onRedraft={(fresh) => {
            setDraft(fresh);
            setOutcome({ intent: 'info', message: t('invitation.tab.redrafted') });
          }}
        />
        {saver.saving && <Spinner size="tiny" label={t('tab.planner.saving')} />}
      </div>
      <OutcomeBar outcome={outcome} />
    </section>
  );
}

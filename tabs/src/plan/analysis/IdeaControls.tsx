import { useCallback, useState } from 'react';
import { MessageBar, MessageBarBody, Select, Spinner, makeStyles } from '@fluentui/react-components';
import { samePerson } from '@domain/access';
import { ideaStatusLabel } from '@domain/labels';
import { IDEA_STATUSES, type Idea, type IdeaStatus, type Participant } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { networkApi, type IdeaChange } from '../../shell/networkApi';
import { orderParticipants } from '../participants/order';
import type { IdeaCells } from '../summary/MaterialParts';
import { ParticipantOptions } from '../participants/ParticipantOptions';

// "Hver idé skal have en tovholder": where ideas are listed, the leaders choose, change and remove an idea's owner
// (tovholder) from the participant list and set its status — PATCH …/ideas/:id, the same operation the card's
// "Bliv tovholder" goes through. Every change is said aloud; a refusal is shown with its reason and the row reloaded.

const useStyles = makeStyles({
  cell: { display: 'flex', alignItems: 'center', gap: '6px', minWidth: '12rem' },
  select: { flex: '1 1 auto', minWidth: 0 },
  failure: { marginBlock: '8px' },
});

const NONE = '';
const FORMER = 'former-owner';

/** The participant row an idea's owner is, if they are still on the list. */
export function ownerRow(idea: Pick<Idea, 'owner'>, participants: readonly Participant[]): Participant | undefined {
  const { owner } = idea;
  if (!owner) return undefined;
  return (
    participants.find((p) => samePerson(p, owner)) ??
    (!owner.userId && !owner.email ? participants.find((p) => p.name.trim().toLowerCase() === owner.name.trim().toLowerCase()) : undefined)
  );
}

/**
 * The leaders' owner and status controls for an idea table (IdeaTable's `cells`), and what went wrong last, if
 * anything. `after` runs after a change (reload the plan, refresh the material); `announce` says it.
 */
export function useIdeaEditing(plan: PlanView, after: () => Promise<void>, announce: (message: string) => void) {
  const { api, t, locale } = useApp();
  const styles = useStyles();
  const [busy, setBusy] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const participants = orderParticipants(plan.participants, locale);

  const change = useCallback(
    async (shown: Idea, body: IdeaChange, said: (saved: Idea) => string) => {
      // The version the plan holds now: the material may have been fetched before the last change.
      const current = plan.ideas.find((i) => i.id === shown.id) ?? shown;
      setBusy(shown.id);
      setFailure(undefined);
      try {
        const saved = await networkApi(api, plan.network.id).ideas.patch(shown.id, body, current.etag);
        await after();
        announce(said(saved));
      } catch (error) {
        setFailure(t('tab.ideas.edit.failed', { text: shown.text, reason: (error as Error).message }));
        await after().catch(() => undefined);
      } finally {
        setBusy(undefined);
      }
    },
    [api, plan, after, announce, t],
  );

  const cells: IdeaCells = (shown) => {
    const idea = plan.ideas.find((i) => i.id === shown.id) ?? shown;
    const row = ownerRow(idea, participants);
    const ownerValue = row?.id ?? (idea.owner ? FORMER : NONE);
    const disabled = busy === idea.id;
    return {
      owner: (
        <span className={styles.cell}>
          <Select
            className={styles.select}
            aria-label={t('tab.ideas.edit.owner', { text: idea.text })}
            value={ownerValue}
            disabled={disabled}
            onChange={(_e, d) => {
              if (d.value === FORMER) return;
              const owner = d.value === NONE ? null : { participantId: d.value };
              void change(idea, { owner }, (saved) =>
                saved.owner ? t('tab.ideas.edit.ownerSaved', { name: saved.owner.name, text: idea.text }) : t('tab.ideas.edit.ownerRemoved', { text: idea.text }),
              );
            }}
          >
            <option value={NONE}>{t('tab.ideas.edit.noOwner')}</option>
            {idea.owner && !row && <option value={FORMER}>{t('tab.ideas.edit.formerOwner', { name: idea.owner.name })}</option>}
            <ParticipantOptions participants={participants} />
          </Select>
          {disabled && <Spinner size="tiny" label={t('tab.planner.saving')} labelPosition="below" />}
        </span>
      ),
      status: (
        <Select
          aria-label={t('tab.ideas.edit.status', { text: idea.text })}
          value={idea.status}
          disabled={disabled}
          onChange={(_e, d) => {
            const status = d.value as IdeaStatus;
            void change(idea, { status }, () => t('tab.ideas.edit.statusSaved', { text: idea.text, status: ideaStatusLabel(status, locale) }));
          }}
        >
          {IDEA_STATUSES.map((status) => (
            <option key={status} value={status}>
              {ideaStatusLabel(status, locale)}
            </option>
          ))}
        </Select>
      ),
    };
  };

  const failureBar = failure ? (
    <MessageBar intent="error" layout="multiline" className={styles.failure} role="alert">
      <MessageBarBody>{failure}</MessageBarBody>
    </MessageBar>
  ) : null;

  return { cells, failureBar };
}

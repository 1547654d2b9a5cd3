import { useCallback, useState, type ReactNode } from 'react';
import { MessageBar, MessageBarBody, Select, Spinner, makeStyles } from '@fluentui/react-components';
import { samePerson } from '@domain/access';
import { ideaStatusLabel } from '@domain/labels';
import { IDEA_STATUSES, type Idea, type IdeaStatus, type Participant } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { networkApi, type IdeaChange } from '../../shell/networkApi';
import { ApiError } from '../../shell/api';
import { orderParticipants } from '../participants/order';
import type { IdeaCells } from '../summary/MaterialParts';
import { ParticipantOptions } from '../participants/ParticipantOptions';
import { SavedNote, savedNow, type SavedInfo } from '../../shared/SavedNote';

// "Hver idé skal have en tovholder": where ideas are listed, the leaders choose, change and remove an idea's owner
// (tovholder) from the participant list and set its status — PATCH …/ideas/:id, the same operation the card's
// "Bliv tovholder" goes through. Every change is confirmed in the cell that was changed ("✓ Gemt kl. 14.32", read out
// with what changed); a refusal is shown there with its reason, and the row reloaded to what is saved.

const useStyles = makeStyles({
  stack: { display: 'grid', gap: '2px' },
  cell: { display: 'flex', alignItems: 'center', gap: '6px', minWidth: '12rem' },
  select: { flex: '1 1 auto', minWidth: 0 },
  failure: { marginTop: '4px' },
});

type Field = 'owner' | 'status';

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
 * The leaders' owner and status controls for an idea table (IdeaTable's `cells`), each with the outcome of its last
 * change beside it. `after` runs after a change (reload the plan, refresh the material).
 */
export function useIdeaEditing(plan: PlanView, after: () => Promise<void>) {
  const { api, t, locale } = useApp();
  const styles = useStyles();
  const [busy, setBusy] = useState<string>();
  /** The last change: which idea's which control, and how it went. */
  const [outcome, setOutcome] = useState<{ ideaId: string; field: Field; saved?: SavedInfo; failure?: string }>();
  const participants = orderParticipants(plan.participants, locale);

  const change = useCallback(
    async (shown: Idea, field: Field, body: IdeaChange, said: (saved: Idea) => string) => {
      // The version the plan holds now: the material may have been fetched before the last change.
      const current = plan.ideas.find((i) => i.id === shown.id) ?? shown;
      setBusy(shown.id);
      setOutcome(undefined);
      try {
        const saved = await networkApi(api, plan.network.id).ideas.patch(shown.id, body, current.etag);
        await after();
        setOutcome({ ideaId: shown.id, field, saved: savedNow(said(saved)) });
      } catch (error) {
        // The row is reloaded at once, so "someone else changed it" says what the leader sees now and what to do.
        const conflict = error instanceof ApiError && (error.isConflict || error.status === 428);
        const failure = conflict
          ? t('tab.ideas.edit.conflict', { text: shown.text })
          : t('tab.ideas.edit.failed', { text: shown.text, reason: (error as Error).message });
        setOutcome({ ideaId: shown.id, field, failure });
        await after().catch(() => undefined);
      } finally {
        setBusy(undefined);
      }
    },
    [api, plan, after, t],
  );

  /** The control, and under it how its last change went: "✓ Gemt kl. 14.32", or why it was not saved. */
  const withOutcome = (idea: Idea, field: Field, control: ReactNode) => {
    const here = outcome?.ideaId === idea.id && outcome.field === field ? outcome : undefined;
    return (
      <div className={styles.stack}>
        {control}
        <SavedNote compact saved={here?.saved} />
        {here?.failure && (
          <MessageBar intent="error" layout="multiline" className={styles.failure} role="alert">
            <MessageBarBody>{here.failure}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    );
  };

  const cells: IdeaCells = (shown) => {
    const idea = plan.ideas.find((i) => i.id === shown.id) ?? shown;
    const row = ownerRow(idea, participants);
    const ownerValue = row?.id ?? (idea.owner ? FORMER : NONE);
    const disabled = busy === idea.id;
    return {
      owner: withOutcome(
        idea,
        'owner',
        <span className={styles.cell}>
          <Select
            className={styles.select}
            aria-label={t('tab.ideas.edit.owner', { text: idea.text })}
            value={ownerValue}
            disabled={disabled}
            onChange={(_e, d) => {
              if (d.value === FORMER) return;
              const owner = d.value === NONE ? null : { participantId: d.value };
              void change(idea, 'owner', { owner }, (saved) =>
                saved.owner ? t('tab.ideas.edit.ownerSaved', { name: saved.owner.name, text: idea.text }) : t('tab.ideas.edit.ownerRemoved', { text: idea.text }),
              );
            }}
          >
            <option value={NONE}>{t('tab.ideas.edit.noOwner')}</option>
            {idea.owner && !row && <option value={FORMER}>{t('tab.ideas.edit.formerOwner', { name: idea.owner.name })}</option>}
            <ParticipantOptions participants={participants} />
          </Select>
          {disabled && <Spinner size="tiny" label={t('tab.planner.saving')} labelPosition="below" />}
        </span>,
      ),
      status: withOutcome(
        idea,
        'status',
        <Select
          aria-label={t('tab.ideas.edit.status', { text: idea.text })}
          value={idea.status}
          disabled={disabled}
          onChange={(_e, d) => {
            const status = d.value as IdeaStatus;
            void change(idea, 'status', { status }, () => t('tab.ideas.edit.statusSaved', { text: idea.text, status: ideaStatusLabel(status, locale) }));
          }}
        >
          {IDEA_STATUSES.map((status) => (
            <option key={status} value={status}>
              {ideaStatusLabel(status, locale)}
            </option>
          ))}
        </Select>,
      ),
    };
  };

  return { cells };
}

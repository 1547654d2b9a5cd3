import type { MessageKey } from '@i18n';
import type { DeliveryOutcome, ParticipantStatus, ReflectionStatus, SendState as Delivery } from '../../shell/networkApi';
import { personProblem, whenOf, type Translate } from '../../../../bot/sending/view';
import { reasonKey } from './reasons';

// How a send's outcome reads in the reflection status, and its "questions sent" cell: pure (tested without a page).

const OUTCOME_KEYS: Record<DeliveryOutcome, MessageKey> = {
  sent: 'tab.reflections.delivery.sent',
  updated: 'tab.reflections.delivery.sent',
  skipped: 'tab.reflections.delivery.skipped',
  blocked: 'tab.reflections.delivery.blocked',
  notFound: 'tab.reflections.delivery.notFound',
  unreachable: 'tab.reflections.delivery.unreachable',
  failed: 'tab.reflections.delivery.failed',
};

/** Not sent yet (or no job yet) reads "pending"; a finished send reads its outcome. */
export const deliveryKey = (delivery?: Delivery): MessageKey =>
  delivery?.state === 'done' && delivery.outcome ? OUTCOME_KEYS[delivery.outcome] : 'tab.reflections.delivery.pending';

/** What the "questions sent" cell says: a word, and a line or two of why and what to do. */
export interface PromptCell {
  label: string;
  details: string[];
}

/** A recorded reason in the reader's words, or as recorded. */
const reasonText = (t: Translate, detail: string) => {
  const key = reasonKey(detail);
  return key ? t(key) : detail;
};

/** "Kan ikke nås: ingen Teams-bruger" with what to do about it. */
const cannotReach = (t: Translate, status: Parameters<typeof personProblem>[1]): PromptCell => {
  const { reason, todo } = personProblem(t, status);
  return { label: t('reach.cannotReach', { reason }), details: [todo] };
};

/**
 * The questions to one participant, as far as they got: sent; under way; cannot be reached (why, what to do) —
 * from the send when it ran, else from whom the bot reaches now; "Afventer" only while a send is really due
 * (with when); not sent when none will come (closed, or they got Teams after the questions went out).
 */
export function promptCell(p: ParticipantStatus, questions: ReflectionStatus['questions'], t: Translate): PromptCell {
  const { prompt } = p;
  const unreachableNow = p.reach && p.reach !== 'ok' ? p.reach : undefined;
  if (prompt?.state === 'done') {
    switch (prompt.outcome) {
      case 'blocked':
        return cannotReach(t, 'blocked');
      case 'notFound':
        return cannotReach(t, 'chatGone');
      case 'unreachable':
        return unreachableNow ? cannotReach(t, unreachableNow) : { label: t('tab.reflections.delivery.unreachable'), details: prompt.detail ? [reasonText(t, prompt.detail)] : [] };
      default:
        return { label: t(deliveryKey(prompt)), details: prompt.detail ? [reasonText(t, prompt.detail)] : [] };
    }
  }
  if (prompt) {
    // Teams asked the bot to wait: it tries again then.
    const retry = prompt.state === 'pending' && prompt.attempts > 0 ? [t('tab.reflections.retryAt', whenOf(prompt.dueAt))] : [];
    return { label: t('tab.reflections.delivery.pending'), details: retry };
  }
  if (unreachableNow) return cannotReach(t, unreachableNow);
  if (questions?.state === 'closed') return { label: t('tab.reflections.delivery.notSent'), details: [t('tab.reflections.reason.meetingClosed')] };
  if (questions?.state === 'due') return { label: t('tab.reflections.delivery.pending'), details: questions.at ? [t('tab.reflections.dueAt', whenOf(questions.at))] : [] };
  if (questions?.state === 'asked') return { label: t('tab.reflections.delivery.notSent'), details: [t('tab.reflections.reason.afterRound')] };
  return { label: t('tab.reflections.delivery.pending'), details: [] };
}

import type { Messenger } from '../teams/proactive';
import { inSendScope } from '../teams/sendScope';
import type { SendBudget } from './sendBudget';

/**
 * Every proactive request waits for its turn under Teams' per-conversation and per-tenant limits, and so does
 * each retry botbuilder makes of it after a 429 (teams/sendScope.ts).
 */
export function limitedMessenger(messenger: Messenger, budget: SendBudget): Messenger {
  const paced = async <T>(conversationId: string, tenantId: string | undefined, send: () => Promise<T>): Promise<T> => {
    const turn = () => budget.acquire(conversationId, tenantId);
    await turn();
    return inSendScope({ beforeRetry: turn }, send);
  };
  return {
    send: (reference, message) => paced(reference.conversation?.id ?? '', reference.conversation?.tenantId, () => messenger.send(reference, message)),
    update: (reference, activityId, message) =>
      paced(reference.conversation?.id ?? '', reference.conversation?.tenantId, () => messenger.update(reference, activityId, message)),
    openPersonalChat: (target) => paced(`new chat ${target.userId}`, target.tenantId, () => messenger.openPersonalChat(target)),
  };
}

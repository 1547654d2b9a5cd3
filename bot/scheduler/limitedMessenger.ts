import type { Messenger } from '../teams/proactive';
import type { SendBudget } from './sendBudget';

/** Every proactive request waits for its turn under Teams' per-conversation and per-tenant limits. */
export function limitedMessenger(messenger: Messenger, budget: SendBudget): Messenger {
  return {
    async send(reference, message) {
      await budget.acquire(reference.conversation?.id ?? '', reference.conversation?.tenantId);
      return messenger.send(reference, message);
    },
    async update(reference, activityId, message) {
      await budget.acquire(reference.conversation?.id ?? '', reference.conversation?.tenantId);
      return messenger.update(reference, activityId, message);
    },
    async openPersonalChat(target) {
      await budget.acquire(`new chat ${target.userId}`, target.tenantId);
      return messenger.openPersonalChat(target);
    },
  };
}

import type { Messenger } from '../teams/proactive';
import type { RateLimiter } from './rateLimiter';

/** Every proactive request waits its turn under Teams' per-conversation and per-tenant limits. */
export function limitedMessenger(messenger: Messenger, limiter: RateLimiter): Messenger {
  return {
    async send(reference, message) {
      await limiter.acquire(reference.conversation?.id ?? '', reference.conversation?.tenantId);
      return messenger.send(reference, message);
    },
    async update(reference, activityId, message) {
      await limiter.acquire(reference.conversation?.id ?? '', reference.conversation?.tenantId);
      return messenger.update(reference, activityId, message);
    },
    async openPersonalChat(target) {
      await limiter.acquire(`new chat ${target.userId}`, target.tenantId);
      return messenger.openPersonalChat(target);
    },
  };
}

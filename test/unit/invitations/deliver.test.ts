import { deliverInvitation, MAX_RETRY_WAIT_MS } from '../../../bot/invitations/deliver';
import { adaptiveCard } from '../../../bot/cards/shared';
import type { Reach } from '../../../bot/scheduler/reach';
import { SendError, type Messenger } from '../../../bot/teams/proactive';
import { aNetwork, aParticipant } from '../../support/fixtures';

// Sending one invitation while the leader waits: the true outcome, never a promise — sent, or why not.

const reference = { conversation: { id: 'a:chat' } } as never;
const network = aNetwork({ teamId: '19:team' });
const jens = aParticipant({ userId: 'u-jens' });

function deps(chat: 'known' | 'none' | SendError, sends: (SendError | string)[]) {
  const sent: unknown[] = [];
  const waits: number[] = [];
  const reach: Reach = {
    channelOf: async () => undefined,
    teamsUserIds: async () => [],
    personalOf: async () => {
      if (chat instanceof SendError) throw chat;
      return chat === 'known' ? { reference, locale: 'da', teamsUserId: '29:jens' } : undefined;
    },
  };
  const messenger: Messenger = {
    send: async (_ref, message) => {
      const next = sends.shift();
      if (next instanceof SendError) throw next;
      sent.push(message.card);
      return next ?? 'activity-1';
    },
    update: async () => undefined,
    openPersonalChat: async () => reference,
  };
  return { reach, messenger, sleep: async (ms: number) => void waits.push(ms), sent, waits };
}

const cardFor = (teamsUserId?: string) => adaptiveCard([], [], { action: { verb: 'invitation.refresh' }, userIds: teamsUserId ? [teamsUserId] : [] });

test('sent: the card built for their chat (its refresh names their Teams user id)', async () => {
  const d = deps('known', ['activity-7']);
  expect(await deliverInvitation(d, network, jens, cardFor)).toEqual({ ok: true, activityId: 'activity-7' });
  expect(d.sent).toEqual([cardFor('29:jens')]);
});

test('nobody to send to: no Teams user; not linked to a team; not in the team the bot knows', async () => {
  const d = deps('none', []);
  expect(await deliverInvitation(d, network, aParticipant({ userId: undefined }), cardFor)).toEqual({ ok: false, reason: 'noTeamsUser' });
  expect(await deliverInvitation(d, { ...network, teamId: undefined }, jens, cardFor)).toEqual({ ok: false, reason: 'noTeam' });
  expect(await deliverInvitation(d, network, jens, cardFor)).toEqual({ ok: false, reason: 'notInTeam' });
  expect(d.sent).toEqual([]);
});

test('Teams refuses: blocked (403), chat gone (404), another refusal (400) — not tried again', async () => {
  for (const [status, reason] of [[403, 'blocked'], [404, 'chatGone'], [400, 'failed']] as const) {
    const d = deps('known', [new SendError('no', status, undefined), 'never']);
    expect(await deliverInvitation(d, network, jens, cardFor)).toEqual({ ok: false, reason, status });
    expect(d.waits).toEqual([]);
  }
  // Opening the chat can be refused too.
  expect(await deliverInvitation(deps(new SendError('no', 403, undefined), []), network, jens, cardFor)).toEqual({ ok: false, reason: 'blocked', status: 403 });
});

test('throttled or down: one more try after Teams’ Retry-After (at most a few seconds), then "busy"', async () => {
  const once = deps('known', [new SendError('slow down', 429, 1_500), 'activity-2']);
  expect(await deliverInvitation(once, network, jens, cardFor)).toEqual({ ok: true, activityId: 'activity-2' });
  expect(once.waits).toEqual([1_500]);

  const twice = deps('known', [new SendError('down', 503, 60_000), new SendError('down', 503, undefined)]);
  expect(await deliverInvitation(twice, network, jens, cardFor)).toEqual({ ok: false, reason: 'busy', status: 503 });
  expect(twice.waits).toEqual([MAX_RETRY_WAIT_MS]);
});

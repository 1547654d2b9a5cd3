import { t } from '../../../bot/i18n';
import type { NetworkReach, ParticipantStatus } from '../../../tabs/src/shell/networkApi';
import { cannotPostText, channelText, meetingPlanText, networkReachLine, unreachableGroups } from '../../../tabs/src/plan/reach/reachText';
import { promptCell } from '../../../tabs/src/plan/reflections/promptCell';

// What the tabs say about reach and sends (tabs/src/plan/reach/reachText.ts, reflections/promptCell.ts): the
// leader reads who cannot be reached and why, what to do, and "Afventer" only while a send is really due.

const da = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t('da', key, params);

const reachWith = (fields: Partial<NetworkReach>): NetworkReach => ({
  channel: { status: 'ok' },
  participants: [],
  summary: { channel: true, reachable: 0, unreachable: 0, total: 0 },
  meetings: [],
  ...fields,
});

describe('reach in words', () => {
  const unlinked = reachWith({
    channel: { status: 'noChannel' },
    participants: [
      { participantId: 'a', name: 'Jens Jensen', status: 'noTeamsUser' },
      { participantId: 'b', name: 'Helle Hansen', status: 'noTeamsUser' },
      { participantId: 'c', name: 'Ali Khan', status: 'notInTeam' },
    ],
    summary: { channel: false, reachable: 0, unreachable: 3, total: 3 },
  });

  it('a network in no channel: "Send nu" says it cannot, why and how to link it; Mine netværk says the same in one line', () => {
    expect(cannotPostText(unlinked, da)).toBe(
      'Kan ikke lægges i kanalen nu: Netværket er ikke knyttet til en kanal, så botten kan ikke lægge dagsordener og idé-parkeringspladsen i en kanal. Knyt netværket til netværkets kanal: åbn kanalen i Teams, tilføj en fane med +, vælg Netværk og „Vis et af mine netværk“, vælg netværket, og vælg Gem.',
    );
    expect(networkReachLine(unlinked, da)).toEqual({
      tone: 'warning',
      text: 'Ikke knyttet til en kanal – dagsordener og spørgsmål kan ikke sendes.',
      howTo: expect.stringMatching(/^Sådan gør du: Knyt netværket til netværkets kanal: åbn kanalen i Teams/),
    });
    expect(channelText(unlinked, da)).toMatchObject({ ok: false });
  });

  it('those who cannot be reached, grouped by why, names in order, with what to do', () => {
    expect(unreachableGroups(unlinked, da, 'da').map((g) => g.text)).toEqual([
      'Kan ikke nås – ingen Teams-bruger: Helle Hansen og Jens Jensen.',
      'Kan ikke nås – ikke med i netværkets team: Ali Khan.',
    ]);
    expect(unreachableGroups(unlinked, da, 'da')[0]!.todo).toMatch(/^Kobl personen til sin Teams-bruger under Deltagere/);
  });

  it('the channel reached: "Send nu" says nothing against it; Mine netværk counts who is reached, with plural forms', () => {
    const fine = reachWith({ summary: { channel: true, reachable: 1, unreachable: 0, total: 1 } });
    expect(cannotPostText(fine, da)).toBeUndefined();
    expect(networkReachLine(fine, da)).toEqual({ tone: 'success', text: 'Botten når kanalen og 1 af 1 deltager.' });
    const some = reachWith({ summary: { channel: true, reachable: 3, unreachable: 2, total: 5 } });
    expect(networkReachLine(some, da).text).toBe('2 af 5 deltagere kan ikke nås i Teams. Se hvem og hvorfor i planen.');
  });

  it('the last send to the channel failed: when, why and what to do', () => {
    const failed = reachWith({ channel: { status: 'lastSendFailed', lastFailure: { kind: 'agenda.post', outcome: 'notFound', at: '2026-03-02T13:32:00.000Z' } } });
    expect(channelText(failed, da).text).toBe(
      'Den seneste besked til kanalen (02.03.2026 kl. 14:32) kom ikke frem: Kanalen findes ikke længere (den er slettet eller arkiveret). Knyt netværket til en anden kanal: tilføj Netværk som fane dér, og vælg netværket.',
    );
  });

  it('per meeting: the agenda and the questions to N of M', () => {
    const line = meetingPlanText(
      { meetingId: 'm1', agenda: { state: 'scheduled', at: '2026-03-09T08:00:00.000Z' }, reflections: { state: 'due', at: '2026-03-16T11:00:00.000Z', reachable: 2, total: 5, unreachable: [] } },
      da,
    );
    expect(line).toBe('dagsorden i kanalen 09.03.2026 kl. 09:00 · refleksionsspørgsmål til 2 af 5 deltagere 16.03.2026 kl. 12:00');
    expect(meetingPlanText({ meetingId: 'm1', agenda: { state: 'cannot', reason: 'noChannel' }, reflections: { state: 'asked', reachable: 0, total: 1, unreachable: ['a'] } }, da)).toBe(
      'dagsordenen kan ikke lægges i kanalen',
    );
  });
});

describe('the reflection status: statuses that end', () => {
  const person = (fields: Partial<ParticipantStatus>): ParticipantStatus => ({ participantId: 'p', name: 'Helle Hansen', hasTeams: false, answered: false, shared: false, ...fields });
  const due = { state: 'due' as const, at: '2026-03-16T11:00:00.000Z' };

  it('no Teams user, before any send ran: "Kan ikke nås: ingen Teams-bruger" with what to do — not "Afventer"', () => {
    expect(promptCell(person({ reach: 'noTeamsUser' }), due, da)).toEqual({
      label: 'Kan ikke nås: ingen Teams-bruger',
      details: [expect.stringMatching(/^Kobl personen til sin Teams-bruger/)],
    });
  });

  it('"Afventer" only while the questions are due, with when; none will come once closed or after the round', () => {
    expect(promptCell(person({ hasTeams: true, reach: 'ok' }), due, da)).toEqual({ label: 'Afventer', details: ['Sendes 16.03.2026 kl. 12:00, når mødet slutter.'] });
    expect(promptCell(person({ hasTeams: true, reach: 'ok' }), { state: 'closed' }, da)).toEqual({ label: 'Ikke sendt', details: ['Mødet er lukket.'] });
    expect(promptCell(person({ hasTeams: true, reach: 'ok' }), { state: 'asked' }, da).label).toBe('Ikke sendt');
  });

  it('from the send when it ran: sent; blocked; the chat gone; not reachable with the reason now', () => {
    const done = (outcome: NonNullable<ParticipantStatus['prompt']>['outcome'], detail?: string) => ({ state: 'done' as const, outcome, detail, dueAt: due.at, attempts: 1 });
    expect(promptCell(person({ reach: 'ok', prompt: done('sent') }), { state: 'asked' }, da)).toEqual({ label: 'Sendt', details: [] });
    expect(promptCell(person({ reach: 'blocked', prompt: done('blocked', '403: refused') }), { state: 'asked' }, da).label).toBe('Kan ikke nås: har blokeret eller fjernet Netværk-appen');
    expect(promptCell(person({ reach: 'chatGone', prompt: done('notFound') }), { state: 'asked' }, da).label).toBe('Kan ikke nås: chatten med botten findes ikke længere');
    expect(promptCell(person({ reach: 'noTeamsUser', prompt: done('unreachable', 'no Teams chat with this person') }), { state: 'asked' }, da).label).toBe('Kan ikke nås: ingen Teams-bruger');
    // Reachable now (linked since): the send's own reason.
    expect(promptCell(person({ reach: 'ok', prompt: done('unreachable', 'no Teams chat with this person') }), { state: 'asked' }, da)).toEqual({
      label: 'Kan ikke nås',
      details: ['Ingen Teams-chat med personen.'],
    });
    expect(promptCell(person({ reach: 'ok', prompt: { state: 'pending', dueAt: '2026-03-16T11:05:00.000Z', attempts: 2 } }), due, da)).toEqual({
      label: 'Afventer',
      details: ['Prøver igen 16.03.2026 kl. 12:05.'],
    });
  });
});

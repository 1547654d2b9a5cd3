import type { MessageKey } from '../i18n';

// Why a send was skipped or could not reach anyone: the scheduler records it in fixed English words
// (bot/scheduler/handlers.ts and scheduler.ts; a test checks each has a key here), the leader reads it in
// her language — in the tab and in the answer to "Send nu" alike. Any other detail (a technical error from
// Teams) is shown as recorded.
const REASON_KEYS: Record<string, MessageKey> = {
  'meeting deleted': 'tab.reflections.reason.meetingDeleted',
  'agenda empty': 'tab.reflections.reason.agendaEmpty',
  'meeting already started': 'tab.reflections.reason.meetingStarted',
  'meeting is over': 'tab.reflections.reason.meetingOver',
  'the bot is not in the network’s team': 'tab.reflections.reason.botNotInTeam',
  'nothing posted yet': 'tab.reflections.reason.nothingPosted',
  'no participant with Teams to ask': 'tab.reflections.reason.nobodyToAsk',
  'meeting or participant deleted': 'tab.reflections.reason.meetingOrParticipantDeleted',
  'meeting closed': 'tab.reflections.reason.meetingClosed',
  'reminders are off': 'tab.reflections.reason.remindersOff',
  'the prompt was not sent': 'tab.reflections.reason.promptNotSent',
  'added to the network after the meeting': 'tab.reflections.reason.joinedAfter',
  'already answered': 'tab.reflections.reason.alreadyAnswered',
  'no Teams chat with this person': 'tab.reflections.reason.noTeamsChat',
  'network deleted': 'tab.reflections.reason.networkDeleted',
  'no longer in the plan': 'tab.reflections.reason.notInPlan',
};

/** The message key for a reason the scheduler records, or undefined for any other detail. */
export const reasonKey = (detail: string): MessageKey | undefined =>
  Object.hasOwn(REASON_KEYS, detail) ? REASON_KEYS[detail] : undefined;

import type { bot as danish } from '../da/bot';

// English: the bot in chat: welcome, help, commands, and the answers to pressed card buttons. Exactly the Danish keys of this surface (the type checks it).
export const bot: Record<keyof typeof danish, string> = {
  'bot.welcome': 'Hi! I am Netværk. I help network leaders and participants plan network meetings, send agendas, collect reflections and ideas and hand the delivery to Chefforum. Type "help" to see what I can do.',
  'bot.help.title': 'Netværk — what I can do',
  'bot.help.body': 'Netværk keeps your network in Teams: the theme, participants and meetings in the "Plan" tab, agendas before each meeting, reflection questions after the meetings, the idea parking lot and the delivery to Chefforum.',
  'bot.help.commands': 'Commands: "help" · "next meeting" · "ideas" · "my reflections" · "analysis"',
  'bot.unknown': 'I did not quite get that. Here is what I can do:',
  // more bot — keys 'bot.*'
  'bot.error': 'Sorry, something went wrong on my side. Try again in a moment — type "help" if it keeps happening.',
  'action.analysis.added': 'The note is added.',
  'action.analysis.empty': 'Write the note before you add it.',
  'action.analysis.noCategory': 'Choose a category.',
  // card actions — keys 'action.*'
  'action.reflection.saved': 'Thank you! Your answers are saved.',
  'action.notParticipant': 'You are not listed as a participant of this network, so I cannot save anything for you. Contact the network leader.',
  'action.notMember': 'You are not part of this network, so I can neither show nor save anything for you. Contact the network leader.',
  'action.meetingGone': 'The meeting is no longer in the plan.',
  'action.networkGone': 'The network no longer exists.',
  'action.meetingClosed': 'The meeting is closed, so the answers can no longer be changed.',
  'action.ideas.added': 'The idea is parked.',
  'action.ideas.empty': 'Write the idea before you park it.',
  'action.ideas.tooLong': 'The idea is too long (at most {max} characters).',
  'action.textTooLong': 'The text is too long (at most {max} characters).',
  'action.notYours': 'Only whoever wrote it, the network leader and the co-driver can change it.',
  'action.ideas.owned': 'You now own the idea.',
  'action.ideas.statusSet': 'Status saved.',
  'action.ideas.gone': 'The idea no longer exists.',
  'action.onlyLeaders': 'Only the network leader and the co-driver can change the status.',
  'action.busy': 'Someone else changed the same thing just now. Please try again.',
  'action.unknown': 'I do not know that button (the card may be out of date).',
  'action.unavailable': 'Storage is not answering right now. Nothing was saved — try again in a moment.',
  // chat answers with cards — keys 'chat.*'
  'chat.noNetworks': 'You are not in any network yet. The network leader adds you in the "Plan" tab.',
  'chat.noNextMeeting': 'There are no more planned meetings in {network}.',
  'chat.noAgendaYet': 'The agenda for {label} ({date}) has not been written yet.',
  'chat.noOpenReflections': 'You have no open reflections right now. When a meeting ends, I send you its questions here.',
};

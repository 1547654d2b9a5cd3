import type { documents as danish } from '../da/documents';

// English: what the service writes into files: calendar events and invitations, the Word delivery. Exactly the Danish keys of this surface (the type checks it).
export const documents: Record<keyof typeof danish, string> = {
  // calendar — keys 'calendar.*'
  'calendar.theme': 'Theme',
  'calendar.purpose': 'Purpose',
  'calendar.preparation': 'Preparation',
  'calendar.plan': 'The plan in Teams',
  'calendar.online': 'Online (Teams meeting)',
  'calendar.cancelled': 'The meeting is cancelled: it has been removed from the network’s plan.',
  'calendar.cancelledSubject': 'Cancelled: {subject}',
  'calendar.file.series': 'meeting series',
  'calendar.file.cancellations': 'cancellations',
  'calendar.error.consentRequired': 'Netværk has no permission to write in your calendar.',
  'calendar.error.throttled': 'Microsoft 365 asked Netværk to wait (too many requests). Book again in a moment.',
  'calendar.error.notFound': 'The appointment is no longer in the calendar.',
  'calendar.error.forbidden': 'Netværk may not change the appointment in the calendar.',
  'calendar.error.unavailable': 'Microsoft 365 did not answer ({status}). Book again in a moment.',
  'calendar.error.rejected': 'Microsoft 365 refused the appointment ({status}): {detail}',
  'calendar.error.otherOrganizer': 'The meeting is booked in another leader’s calendar; only that leader can change or cancel the appointment.',
  'calendar.error.conflict': 'The booking was changed elsewhere at the same time. Book again.',
  // delivery to Chefforum — keys 'delivery.*'
  'delivery.title': 'Delivery to Chefforum',
  'delivery.theme': 'Theme',
  'delivery.knowledgeSummary': 'Summary of knowledge and description of the learning',
  'delivery.practiceChanges': 'How the learning has changed practice',
  'delivery.recommendations': 'Prioritised recommendations',
  'delivery.other': 'Other',
  'delivery.dissemination': 'Spreading the learning',
  'delivery.who': 'Who communicates',
  'delivery.channel': 'Where (channel)',
  'delivery.when': 'When',
  'delivery.empty': '(not filled in)',
  'delivery.status.draft': 'Draft',
  'delivery.status.sentToReferenceLeader': 'Sent to the reference leader',
  'delivery.status.delivered': 'Delivered to Chefforum',
  'delivery.filename': 'Delivery to Chefforum',
};

// What GET …/api/networks/:id/calendar answers: shared by the server and the tab (types only).

export type BookingStatus = 'notBooked' | 'booked' | 'changed' | 'failed';

export interface CalendarMeetingView {
  meetingId: string;
  /** "Netværksmøde 2 af 5". */
  label: string;
  subject: string;
  date: string;
  start: string;
  end: string;
  /** How many get the invitation: the meeting's participants with an e-mail address. */
  attendees: number;
  /** The meeting's participants who cannot be invited: no e-mail address. */
  missingEmail: string[];
  status: BookingStatus;
  error?: string;
  bookedAt?: string;
}

export interface CalendarView {
  mode: 'graph' | 'ics';
  meetings: CalendarMeetingView[];
  /** Deleted meetings whose booked event is not cancelled yet. */
  cancelled: { meetingId: string; subject?: string; start?: string }[];
}

import { formatDate } from '@domain/dates';
import type { Meeting } from '@domain/model';

/** "Netværksmøde 1 af 3: Hvad er deleøkonomi?, 17.03.2026" — the heading the handbook's tool gives every meeting. */
export function meetingTitle(label: string, meeting: Meeting, subtheme?: string): string {
  return [label + (subtheme ? `: ${subtheme}` : ''), formatDate(meeting.date)].join(', ');
}

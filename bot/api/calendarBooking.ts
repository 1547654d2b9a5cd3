import { z } from 'zod';
import { bookSeries, type CalendarAccess } from '../calendar/book';
import { CalendarError } from '../calendar/graph';
import type { GraphCalendar } from '../calendar/graph';
import { guarded, inNetwork, parseBody, type NetworkContext } from './context';
import { ApiError } from './errors';

// Booking the meeting series in the leader's own Outlook calendar through Microsoft Graph. Without
// Graph configured the tab offers the .ics files instead (see calendarIcs.ts).

const bookSchema = z.strictObject({});

export const graphNotConfigured = () => new ApiError(400, 'graphNotConfigured', 'api.calendar.graphNotConfigured');
export const consentRequired = () => new ApiError(401, 'consentRequired', 'api.calendar.consentRequired');

/** The caller's calendar; no consent (or no usable sign-in) is 401 consentRequired, and nothing is booked. */
async function calendarOf(access: CalendarAccess, ctx: NetworkContext): Promise<GraphCalendar> {
  try {
    return await access.connect({ userId: ctx.identity.userId, ssoToken: ctx.ssoToken });
  } catch (error) {
    if (error instanceof CalendarError && (error.code === 'consentRequired' || error.code === 'unauthenticated')) throw consentRequired();
    throw new ApiError(503, 'graphUnavailable', 'api.calendar.unavailable');
  }
}

/**
 * POST …/calendar/book — every meeting into the caller's calendar (created, updated or left as it is),
 * events of deleted meetings cancelled. Answers per meeting how it went; a failed meeting is booked by
 * calling again, which never makes a second event.
 */
export const bookCalendar = inNetwork('edit', async (ctx) => {
  parseBody(bookSchema, ctx.body);
  if (!ctx.services.calendar) throw graphNotConfigured();
  const calendar = await calendarOf(ctx.services.calendar, ctx);
  const result = await guarded(() =>
    bookSeries({
      store: ctx.services.store,
      calendar,
      aggregate: ctx.aggregate,
      organizer: { userId: ctx.identity.userId, name: ctx.identity.name },
      now: ctx.services.now,
    }),
  );
  return { body: result };
});

import { meetingMaterial, networkMaterial } from '../domain/material';
import { inNetwork } from './context';
import { notFound } from './errors';

// The plenary view: what everybody in the network sees of the meetings (only shared reflections).

/** GET …/meetings/:meetingId/plenary — beside the joint summary: shared reflections and the meeting's ideas. */
export const plenary = inNetwork('read', async (ctx) => {
  const meeting = ctx.aggregate.meetings.find((m) => m.id === ctx.params.meetingId);
  if (!meeting) throw notFound();
  return { body: meetingMaterial(ctx.aggregate, meeting) };
});

/** GET …/analysis/material — everything by meeting and subtheme, so everybody sees everything in the analysis. */
export const analysisMaterial = inNetwork('read', async (ctx) => ({ body: networkMaterial(ctx.aggregate) }));

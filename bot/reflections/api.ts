import { viewFor } from '../domain/access';
import { inNetwork, requestedMeeting } from '../api/context';
import { operationContext, perform } from '../api/perform';
import { myReflection, saveMyReflection } from './operations';

// Reflections in the tab: the meeting's as the caller may see them, and the caller's own.

/** GET …/meetings/:meetingId/reflections — never another participant's private one. */
export const listReflections = inNetwork('read', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const visible = viewFor(ctx.aggregate, ctx.identity).reflections.filter((r) => r.meetingId === meeting.id);
  return { body: { reflections: visible } };
});

/** PUT …/meetings/:meetingId/reflections/mine — the first save creates, later ones need If-Match. */
export const putMyReflection = inNetwork('contribute', async (ctx) => {
  const operation = operationContext(ctx);
  const meetingId = ctx.params.meetingId!;
  const created = !myReflection(operation, meetingId);
  const { value, etag } = await perform(ctx, saveMyReflection(operation, { meetingId, input: ctx.body, etag: ctx.ifMatch, versionRequired: true }));
  return { status: created ? 201 : 200, body: value, etag };
});

import type { Delivery } from '../domain/model';
import * as schemas from '../domain/schemas';
import { pickLocale, t } from '../i18n';
import type { RowChange } from '../storage/networkStore';
import { inNetwork, parseBody, stamp } from '../api/context';
import { ApiError } from '../api/errors';
import { deliveryNeedsReferenceLeader } from '../domain/network';
import { saveSingleton } from '../api/collections';
import { attachment } from '../api/download';
import { deliveryDocx } from './docx';
import { prefillDelivery } from './prefill';

// The delivery to Chefforum in the tab: saving it, a draft from the summaries and the analysis, and
// the Word document.

/** PUT …/delivery — handing it over ("delivered") starts the retention period. */
export const saveDelivery = inNetwork('edit', async (ctx) => {
  const input = parseBody(schemas.deliverySaveSchema, ctx.body);
  if (deliveryNeedsReferenceLeader(ctx.aggregate, input.status)) throw new ApiError(422, 'noReferenceLeader', 'api.deliveryNeedsReferenceLeader');
  const value: Delivery = stamp(ctx, {
    ...input,
    recommendations: input.recommendations.map((r) => ({ ...r, id: r.id ?? ctx.services.newId() })),
  });
  // Handing over starts the retention period; the network row carries the date so the daily sweep is one scan.
  const { network } = ctx.aggregate;
  const deliveredAt = value.status === 'delivered' ? (network.deliveredAt ?? value.updatedAt) : undefined;
  const nextNetwork = { ...network, deliveredAt };
  const extra: RowChange[] = deliveredAt !== network.deliveredAt ? [{ op: 'update', kind: 'network', value: { ...nextNetwork, etag: undefined }, etag: network.etag }] : [];
  return saveSingleton(ctx, { kind: 'delivery', existing: ctx.aggregate.delivery, value, extra, next: { ...ctx.aggregate, network: nextNetwork, delivery: value } });
});

/** GET …/delivery/draft — what the delivery would say, taken from the summaries and the prioritised analysis. */
export const deliveryDraft = inNetwork('edit', async (ctx) => ({ body: prefillDelivery(ctx.aggregate) }));

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** GET …/delivery.docx[?lang=da|en] — the saved delivery (or the draft, before one is saved) as a Word document. */
export const deliveryDocument = inNetwork('read', async (ctx) => {
  const { network } = ctx.aggregate;
  const locale = ctx.query.lang ? pickLocale(ctx.query.lang) : (network.locale ?? ctx.locale);
  const delivery = ctx.aggregate.delivery ?? prefillDelivery(ctx.aggregate, locale);
  const bytes = await deliveryDocx(network, delivery, locale, ctx.services.now());
  return { contentType: DOCX, headers: { 'Content-Disposition': attachment(`${t(locale, 'delivery.filename')} - ${network.name}`, 'docx') }, body: bytes };
});

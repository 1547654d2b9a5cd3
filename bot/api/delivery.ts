import { pickLocale, t } from '../i18n';
import { deliveryDocx } from '../delivery/docx';
import { prefillDelivery } from '../delivery/prefill';
import { inNetwork } from './context';
import { attachment } from './download';

// The delivery to Chefforum beyond saving it (PUT …/delivery in singletons.ts): a draft from the
// summaries and the analysis, and the Word document.

/** GET …/delivery/draft — what the delivery would say, taken from the summaries and the prioritised analysis. */
export const deliveryDraft = inNetwork('edit', async (ctx) => ({ body: prefillDelivery(ctx.aggregate) }));

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** GET …/delivery.docx[?lang=da|en] — the saved delivery (or the draft, before one is saved) as a Word document. */
export const deliveryDocument = inNetwork('read', async (ctx) => {
  const { network } = ctx.aggregate;
  const locale = ctx.query.lang ? pickLocale(ctx.query.lang) : (network.locale ?? ctx.locale);
  const delivery = ctx.aggregate.delivery ?? prefillDelivery(ctx.aggregate);
  const bytes = await deliveryDocx(network, delivery, locale, ctx.services.now());
  return { contentType: DOCX, headers: { 'Content-Disposition': attachment(`${t(locale, 'delivery.filename')} - ${network.name}`, 'docx') }, body: bytes };
});

import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate, todayInCopenhagen } from '@domain/dates';
import { useApp } from '../shell/AppContext';
import type { PlanView } from '../shell/usePlan';
import { PrintIcon } from '../shared/formKit';
import { formatDateTime } from '../shared/formatDateTime';
import { DeliveryDocument } from './DeliveryDocument';

// The delivery on paper (?view=print), as it goes to the reference leader and Chefforum: the saved version, black on
// white when printed, without buttons, a recommendation or table row never split across pages.

const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  html, body { background: #fff !important; }
  body * { visibility: hidden; }
  #netvaerk-delivery-print, #netvaerk-delivery-print * { visibility: visible; }
  #netvaerk-delivery-print { position: absolute; inset: 0 auto auto 0; width: 100%; padding: 0 !important; }
  #netvaerk-delivery-print, #netvaerk-delivery-print * { color: #000 !important; background: transparent !important; box-shadow: none !important; }
  #netvaerk-delivery-print th, #netvaerk-delivery-print td { border-color: #000 !important; }
  #netvaerk-delivery-print [data-print-hide] { display: none !important; }
  #netvaerk-delivery-print h2 { break-after: avoid; page-break-after: avoid; }
  #netvaerk-delivery-print li, #netvaerk-delivery-print tr { break-inside: avoid; page-break-inside: avoid; }
  #netvaerk-delivery-print thead { display: table-header-group; }
}
`;

const useStyles = makeStyles({
  page: { maxWidth: '900px', color: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase300 },
  toolbar: { display: 'flex', gap: '8px', marginBottom: '16px', flexWrap: 'wrap' },
  title: { margin: '0 0 4px', fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  subtitle: { margin: '0 0 4px', fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  meta: { margin: '0 0 16px', color: tokens.colorNeutralForeground2 },
});

export function DeliveryPrintView({ plan }: { plan: PlanView }) {
  const { t } = useApp();
  const styles = useStyles();
  const delivery = plan.delivery;
  const back = () => {
    const url = new URL(window.location.href);
    url.searchParams.delete('view');
    window.location.assign(url.toString());
  };
  const status = t(`delivery.status.${delivery?.status ?? 'draft'}`);
  return (
    <main id="netvaerk-delivery-print" className={styles.page}>
      <style>{PRINT_CSS}</style>
      <div className={styles.toolbar} data-print-hide>
        <Button appearance="primary" icon={<PrintIcon />} onClick={() => window.print()}>
          {t('tab.print.print')}
        </Button>
        <Button onClick={back}>{t('tab.delivery.print.back')}</Button>
      </div>
      <h1 className={styles.title}>{t('delivery.title')}</h1>
      <p className={styles.subtitle}>{plan.network.name}</p>
      <p className={styles.meta}>
        {t('tab.delivery.print.meta', { status, date: formatDate(todayInCopenhagen(new Date())) })}
        {delivery?.updatedAt && ` · ${t('tab.delivery.lastSaved', { when: formatDateTime(delivery.updatedAt), name: delivery.updatedBy ?? '—' })}`}
      </p>
      {delivery ? <DeliveryDocument delivery={delivery} /> : <p className={styles.meta}>{t('tab.delivery.notSaved')}</p>}
    </main>
  );
}

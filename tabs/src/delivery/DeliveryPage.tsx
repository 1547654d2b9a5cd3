import { useEffect, useRef, useState } from 'react';
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { DeliveryStatus } from '@domain/model';
import { useApp } from '../shell/AppContext';
import { usePlan, type PlanView } from '../shell/usePlan';
import { useAnnouncer, useFocusAfterRender } from '../shared/formKit';
import { formatDateTime } from '../shared/formatDateTime';
import { savedNow, type SavedInfo } from '../shared/SavedNote';
import { DeliveryDocument } from './DeliveryDocument';
import { DeliveryEditor } from './DeliveryEditor';
import { DeliveryPrintView } from './DeliveryPrintView';
import { ExportButtons } from './ExportButtons';
import { StatusStepper } from './StatusStepper';
import { RetentionNote, RetentionSetting } from './RetentionSetting';
import { useDeliveryDraft } from './useDeliveryDraft';
import { TabLink } from '../networks/TabLink';
import { OnThisPage } from '../shared/OnThisPage';

// "Leverance til Chefforum" (the handbook): the delivery template tab, a second kind of the configurable channel tab.
// ?networkId= picks the network, ?view=print the print view. Leaders edit; the reference leader and participants read.

const useStyles = makeStyles({
  title: { margin: '0 0 4px' },
  subtitle: { margin: '0 0 8px', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: '0 0 4px', maxWidth: '75ch' },
  meta: { margin: '0 0 8px', color: tokens.colorNeutralForeground2 },
  links: { margin: '0 0 8px' },
  stack: { display: 'grid', gap: '8px', maxWidth: '900px' },
});

export function DeliveryPage() {
  const { t } = useApp();
  const params = new URLSearchParams(window.location.search);
  const networkId = params.get('networkId') ?? undefined;
  const { plan, error, reload, canEdit } = usePlan(networkId);

  if (!networkId) return <MessageBar intent="error"><MessageBarBody>{t('tab.delivery.noNetwork')}</MessageBarBody></MessageBar>;
  if (error) return <MessageBar intent="error"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>;
  if (!plan) return <Spinner label={t('tab.loading')} />;
  if (params.get('view') === 'print') return <DeliveryPrintView plan={plan} />;
  return canEdit ? <LeaderDelivery plan={plan} reload={reload} /> : <ReaderDelivery plan={plan} />;
}

function Heading({ plan, intro }: { plan: PlanView; intro: 'tab.delivery.intro' | 'tab.delivery.introReadOnly' }) {
  const { t } = useApp();
  const styles = useStyles();
  const saved = plan.delivery;
  return (
    <>
      <h1 className={styles.title}>{t('delivery.title')}</h1>
      <p className={styles.subtitle}>{plan.network.name}</p>
      <nav aria-label={t('tab.links.nav')} className={styles.links}>
        <TabLink networkId={plan.network.id} kind="plan" data-testid="delivery-plan-link">
          {t('tab.links.plan')}
        </TabLink>
      </nav>
      <p className={styles.intro}>{t(intro)}</p>
      {saved?.updatedAt && (
        <p className={styles.meta} data-testid="delivery-last-saved">
          {t('tab.delivery.lastSaved', { when: formatDateTime(saved.updatedAt), name: saved.updatedBy ?? '—' })}
        </p>
      )}
    </>
  );
}

function LeaderDelivery({ plan, reload }: { plan: PlanView; reload: () => Promise<void> }) {
  const { t } = useApp();
  const styles = useStyles();
  const { announce, region } = useAnnouncer();
  const focusAfter = useFocusAfterRender();
  const state = useDeliveryDraft(plan, reload);
  /** The last status change that went through, said beside the stepper's buttons. */
  const [statusSaved, setStatusSaved] = useState<SavedInfo>();

  // Leaving with unsaved changes (the print view, a reload, closing) asks first, as browsers do.
  useEffect(() => {
    if (!state.dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.dirty]);

  const setStatus = async (status: DeliveryStatus) => {
    setStatusSaved(undefined);
    if (await state.save(status)) setStatusSaved(savedNow(t('tab.delivery.status.changed', { status: t(`delivery.status.${status}`) })));
    // Something in the draft must be fixed first (a blank recommendation): focus lands on it, its message is read.
    else focusAfter(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]'));
  };
  const fromStepper = state.savedFrom === 'status';
  const main = useRef<HTMLElement>(null);

  return (
    <main className={styles.stack} ref={main}>
      <div>
        <Heading plan={plan} intro="tab.delivery.intro" />
      </div>
      <OnThisPage within={main} headings="h2" />
      {region}
      <StatusStepper
        status={state.status}
        onSet={(status) => void setStatus(status)}
        busy={state.saving}
        dirty={state.dirty}
        plan={plan}
        saved={fromStepper && !state.saving && !state.failure ? statusSaved : undefined}
        failure={fromStepper ? state.failure : undefined}
        onReload={async () => {
          await state.reloadLatest();
          announce(t('tab.conflict.kept'));
        }}
      />
      <ExportButtons networkId={plan.network.id} dirty={state.dirty} saved={!!state.saved} />
      <DeliveryEditor state={state} announce={announce} />
      <RetentionSetting plan={plan} reload={reload} />
    </main>
  );
}

function ReaderDelivery({ plan }: { plan: PlanView }) {
  const { t } = useApp();
  const styles = useStyles();
  const saved = plan.delivery;
  return (
    <main className={styles.stack}>
      <div>
        <Heading plan={plan} intro="tab.delivery.introReadOnly" />
      </div>
      <StatusStepper status={saved?.status ?? 'draft'} plan={plan} />
      {saved ? (
        <>
          <ExportButtons networkId={plan.network.id} dirty={false} saved />
          <DeliveryDocument delivery={saved} />
        </>
      ) : (
        <p className={styles.meta}>{t('tab.delivery.notSaved')}</p>
      )}
      <RetentionNote plan={plan} />
    </main>
  );
}

import { Button, Link, MessageBar, MessageBarBody, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@domain/model';
import { referenceLeaderOf } from '@domain/access';
import type { MessageKey } from '@i18n';
import { useApp } from '../shell/AppContext';
import type { PlanView } from '../shell/usePlan';
import { CheckIcon, SaveFailureBar, type SaveFailure } from '../shared/formKit';
import { SavedNote, type SavedInfo } from '../shared/SavedNote';
import { planUrl } from '../networks/networkDraft';

// Draft → sent to the reference leader → delivered: where the delivery is, as numbered steps that say in words which
// are done and which is current (never colour alone); the leader moves it a step on or back.

const useStyles = makeStyles({
  steps: { display: 'flex', flexWrap: 'wrap', gap: '8px', margin: '8px 0', padding: 0 },
  step: {
    listStyle: 'none',
    display: 'flex',
    alignItems: 'center',
    gap: '10px',
    flex: '1 1 200px',
    padding: '8px 12px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
  },
  current: { border: `2px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  mark: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '28px',
    height: '28px',
    flexShrink: 0,
    borderRadius: '50%',
    border: `2px solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  markDone: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, border: `2px solid ${tokens.colorBrandBackground}` },
  markCurrent: { border: `2px solid ${tokens.colorBrandStroke1}` },
  text: { display: 'grid' },
  label: { fontWeight: tokens.fontWeightSemibold },
  state: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  hint: { margin: '4px 0 0', color: tokens.colorNeutralForeground2 },
});

const MOVE_ON: Record<Exclude<DeliveryStatus, 'draft'>, MessageKey> = {
  sentToReferenceLeader: 'tab.delivery.status.toSent',
  delivered: 'tab.delivery.status.toDelivered',
};

interface Props {
  status: DeliveryStatus;
  /** The leader's buttons; absent for readers. */
  onSet?: (status: DeliveryStatus) => void;
  busy?: boolean;
  /** Unsaved changes are saved with the new status: said beside the buttons. */
  dirty?: boolean;
  /** The network: whom the delivery goes to (its reference leader), and where to choose one when there is none. */
  plan?: Pick<PlanView, 'network' | 'participants'>;
  /** The last step that was saved ("Status er nu „Sendt til referencelederen“. Gemt kl. 14.32"), beside the buttons. */
  saved?: SavedInfo;
  /** A step that was not saved (someone else changed the delivery, the server refused): why, above the buttons. */
  failure?: SaveFailure;
  /** After a conflict: load the latest version; the draft and the wanted step stay to be tried again. */
  onReload?: () => Promise<void>;
}

export function StatusStepper({ status, onSet, busy, dirty, plan, saved, failure, onReload }: Props) {
  const { t } = useApp();
  const styles = useStyles();
  const at = DELIVERY_STATUSES.indexOf(status);
  const next = DELIVERY_STATUSES[at + 1];
  const previous = at > 0 ? DELIVERY_STATUSES[at - 1] : undefined;
  const referenceLeader = plan ? referenceLeaderOf(plan) : undefined;
  // "Send to the reference leader" with nobody to send it to: the server refuses it too; say why and where to fix it.
  const noReferenceLeader = !!plan && !referenceLeader && next === 'sentToReferenceLeader';
  return (
    <section aria-labelledby="delivery-status-heading">
      <h2 id="delivery-status-heading" tabIndex={-1}>
        {t('tab.delivery.status.heading')}
      </h2>
      <ol className={styles.steps} data-testid="delivery-stepper">
        {DELIVERY_STATUSES.map((step, index) => {
          const state = index < at ? 'done' : index === at ? 'current' : 'upcoming';
          return (
            <li key={step} className={mergeClasses(styles.step, state === 'current' && styles.current)} aria-current={state === 'current' ? 'step' : undefined}>
              <span className={mergeClasses(styles.mark, state === 'done' && styles.markDone, state === 'current' && styles.markCurrent)} aria-hidden="true">
                {state === 'done' ? <CheckIcon /> : index + 1}
              </span>
              <span className={styles.text}>
                <span className={styles.label}>{t(`delivery.status.${step}`)}</span>
                <span className={styles.state}>{t(`tab.delivery.status.${state}`, { number: index + 1, count: DELIVERY_STATUSES.length })}</span>
              </span>
            </li>
          );
        })}
      </ol>
      {referenceLeader && <p className={styles.hint} data-testid="delivery-reference-leader">{t('tab.delivery.status.referenceLeader', { name: referenceLeader.name })}</p>}
      {onSet && noReferenceLeader && (
        <MessageBar intent="warning" layout="multiline" id="delivery-needs-reference-leader" data-testid="delivery-needs-reference-leader">
          <MessageBarBody>
            {t('tab.delivery.status.needsReferenceLeader')}{' '}
            <Link href={`${planUrl(plan!.network.id)}#participants`}>{t('tab.delivery.status.chooseReferenceLeader')}</Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {onSet && (
        <>
          <SaveFailureBar failure={failure} onReload={onReload ?? (async () => undefined)} />
          <div className={styles.actions}>
            {next && (
              <Button
                appearance="primary"
                disabledFocusable={busy || noReferenceLeader}
                aria-describedby={noReferenceLeader ? 'delivery-needs-reference-leader' : undefined}
                onClick={() => onSet(next)}
              >
                {t(MOVE_ON[next as keyof typeof MOVE_ON])}
              </Button>
            )}
            {previous && (
              <Button disabledFocusable={busy} onClick={() => onSet(previous)}>
                {t('tab.delivery.status.back', { status: t(`delivery.status.${previous}`) })}
              </Button>
            )}
            {busy && <Spinner size="tiny" label={t('tab.delivery.saving')} />}
            <SavedNote saved={saved} />
          </div>
          {dirty && <p className={styles.hint}>{t('tab.delivery.status.savesDraft')}</p>}
        </>
      )}
    </section>
  );
}

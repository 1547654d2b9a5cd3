import { Button, Link, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useApp } from '../shell/AppContext';
import { ApiError } from '../shell/api';
import { NetworkForm } from './NetworkForm';
import { NetworkFacts } from './NetworkSummary';
import { planUrl, type NetworkEntry } from './networkDraft';
import { useMyNetworks } from './useMyNetworks';
import { useNetworkForm } from './useNetworkForm';
import { PrivacyOfficerSection, YourDataSection } from './YourDataSection';
import { TabLink } from './TabLink';
import { canEditPlan } from '@domain/access';
import { NetworkReachLine } from '../plan/reach/NetworkReachLine';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '8px', maxWidth: '760px' },
  item: {
    display: 'grid',
    gap: '4px',
    padding: '12px 16px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  name: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  delivery: { justifySelf: 'start' },
  section: { marginTop: '32px' },
  actions: { marginTop: '16px', display: 'flex', gap: '12px', alignItems: 'center' },
});

/** "Mine netværk": the networks I lead or take part in, and a new one. The personal tab and the start page. */
export function MyNetworksPage() {
  const { t } = useApp();
  const styles = useStyles();
  const { networks, error } = useMyNetworks();
  return (
    <main>
      <h1>{t('tab.networks.title')}</h1>
      <section aria-labelledby="my-networks">
        <h2 id="my-networks">{t('tab.networks.listTitle')}</h2>
        {error ? (
          <MessageBar intent="error"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>
        ) : !networks ? (
          <Spinner size="small" label={t('tab.loading')} />
        ) : networks.length === 0 ? (
          <Text as="p" block>{t('tab.networks.none')}</Text>
        ) : (
          <ul className={styles.list}>
            {networks.map((network) => <NetworkItem key={network.id} network={network} />)}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-network" className={styles.section}>
        <h2 id="new-network">{t('tab.networks.createTitle')}</h2>
        <Text as="p" block>{t('tab.networks.createIntro')}</Text>
        <CreateNetwork />
      </section>
      <YourDataSection />
      <PrivacyOfficerSection />
    </main>
  );
}

function NetworkItem({ network }: { network: NetworkEntry }) {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <li className={styles.item}>
      <Link href={planUrl(network.id)} className={styles.name} aria-describedby={`facts-${network.id}`}>
        {network.name}
      </Link>
      <TabLink networkId={network.id} kind="delivery" aria-label={t('tab.links.deliveryOf', { name: network.name })} className={styles.delivery}>
        {t('tab.links.delivery')}
      </TabLink>
      <NetworkFacts network={network} id={`facts-${network.id}`} />
      {canEditPlan(network.role) && <NetworkReachLine networkId={network.id} />}
    </li>
  );
}

function CreateNetwork() {
  const { t } = useApp();
  const styles = useStyles();
  const form = useNetworkForm();
  const [failure, setFailure] = useState<string>();
  const submit = async () => {
    setFailure(undefined);
    try {
      const network = await form.create();
      window.location.assign(planUrl(network.id));
    } catch (error) {
      // Field problems show on the fields; anything else (no access, storage down) above the button.
      if (!(error instanceof ApiError && error.details.length)) setFailure((error as Error).message);
    }
  };
  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => (event.preventDefault(), void submit())}>
      <NetworkForm draft={form.draft} onChange={form.onChange} errors={form.errors} disabled={form.busy} />
      {failure && (
        <MessageBar intent="error" className={styles.section}><MessageBarBody>{failure}</MessageBarBody></MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={form.busy}>{t('tab.networks.create')}</Button>
        {form.busy && <Spinner size="tiny" label={t('tab.networks.creating')} />}
      </div>
    </form>
  );
}

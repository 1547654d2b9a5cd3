import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text, makeStyles } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { canEditPlan } from '@domain/access';
import type { MessageKey } from '@i18n';
import { useApp } from '../shell/AppContext';
import { ApiError } from '../shell/api';
import { NetworkForm } from './NetworkForm';
import { NetworkFacts } from './NetworkSummary';
import { planUrl, type NetworkEntry, type TabKind } from './networkDraft';
import { channelOf, isLinkedTo, linkToChannel, onTeamsSave, setTeamsTabConfig, setTeamsValidity, tabKindOf } from './tabConfig';
import { useMyNetworks } from './useMyNetworks';
import { useNetworkForm } from './useNetworkForm';

const useStyles = makeStyles({
  block: { marginTop: '24px', maxWidth: '760px' },
  option: { display: 'grid', paddingBottom: '8px' },
  facts: { paddingLeft: '32px' },
  kindHelp: { paddingLeft: '32px', display: 'block' },
  actions: { marginTop: '24px', display: 'flex', gap: '12px', alignItems: 'center' },
});

type Choice = 'link' | 'create';

const KINDS = [
  { kind: 'plan', label: 'tab.config.kindPlan', help: 'tab.config.kindPlan.help', displayName: 'tab.config.displayName', open: 'tab.config.openPlan' },
  { kind: 'delivery', label: 'tab.config.kindDelivery', help: 'tab.config.kindDelivery.help', displayName: 'tab.config.displayNameDelivery', open: 'tab.config.openDelivery' },
] as const satisfies readonly { kind: TabKind; label: MessageKey; help: MessageKey; displayName: MessageKey; open: MessageKey }[];
const kindInfo = (kind: TabKind) => KINDS.find((k) => k.kind === kind)!;

/** The channel tab's configuration: what the tab shows (the plan or the delivery), of one of my networks or a new one. */
export function ConfigPage() {
  const { host, api, t } = useApp();
  const styles = useStyles();
  const channel = channelOf(host);
  const mine = useMyNetworks();
  const inChannel = useMyNetworks(channel?.channelId, !channel);
  const form = useNetworkForm();
  const [choice, setChoice] = useState<Choice>();
  const [kind, setKind] = useState<TabKind>(() => tabKindOf(host));
  const kindRef = useRef(kind);
  kindRef.current = kind;
  const [selected, setSelected] = useState('');
  const [created, setCreated] = useState<NetworkEntry>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const all = [...(created ? [created] : []), ...(mine.networks ?? [])];
  // Linking needs the right to edit the network, unless it already lives in this channel.
  const choosable = all.filter((n) => canEditPlan(n.role) || isLinkedTo(n, channel));
  const linked = channel ? inChannel.networks?.[0] : undefined;
  const loaded = !!mine.networks && (!channel || !!inChannel.networks);

  useEffect(() => {
    if (!loaded || choice) return;
    if (linked) setSelected(linked.id);
    setChoice(linked || choosable.length ? 'link' : 'create');
  }, [loaded]);

  const save = async (): Promise<string> => {
    setFailure(undefined);
    setBusy(true);
    try {
      let network = choosable.find((n) => n.id === selected);
      if (choice === 'link' && !network) throw new Error(t('tab.config.pickFirst'));
      if (choice === 'create' || !network) {
        network = await form.create(channel);
        // Saved once: a second press of Save (after a failure further on) must not create it again.
        setCreated(network);
        setChoice('link');
        setSelected(network.id);
      }
      if (channel) await linkToChannel(api, network, channel);
      return network.id;
    } catch (error) {
      if (!(error instanceof ApiError && error.details.length)) setFailure((error as Error).message);
      throw error;
    } finally {
      setBusy(false);
    }
  };
  const saveRef = useRef(save);
  saveRef.current = save;

  const valid = choice === 'link' ? !!selected : choice === 'create' && form.valid;
  useEffect(() => {
    if (host.inTeams) {
      onTeamsSave(async () => {
        const chosen = kindRef.current;
        await setTeamsTabConfig(await saveRef.current(), chosen, t(kindInfo(chosen).displayName));
      });
    }
  }, []);
  useEffect(() => {
    if (host.inTeams) setTeamsValidity(valid);
  }, [valid]);

  const openPlan = () => saveRef.current().then((id) => window.location.assign(planUrl(id, kind)), () => undefined);
  const loadError = mine.error ?? inChannel.error;

  return (
    <main>
      <h1>{t('tab.config.title')}</h1>
      <Text as="p" block>{t(channel ? 'tab.config.introKinds' : 'tab.config.introNoChannel')}</Text>
      {loadError && <MessageBar intent="error"><MessageBarBody>{loadError.message}</MessageBarBody></MessageBar>}
      {!loaded || !choice ? (
        !loadError && <Spinner size="small" label={t('tab.loading')} />
      ) : (
        <form ref={form.formRef} noValidate onSubmit={(event) => (event.preventDefault(), void openPlan())}>
          <Field label={t('tab.config.kind')} className={styles.block}>
            <RadioGroup value={kind} onChange={(_e, d) => setKind(d.value as TabKind)}>
              {KINDS.map((k) => (
                <div key={k.kind} className={styles.option}>
                  <Radio value={k.kind} label={t(k.label)} aria-describedby={`config-kind-${k.kind}`} />
                  <Text id={`config-kind-${k.kind}`} size={200} className={styles.kindHelp}>
                    {t(k.help)}
                  </Text>
                </div>
              ))}
            </RadioGroup>
          </Field>
          <Field label={t('tab.config.choice')} className={styles.block}>
            <RadioGroup value={choice} onChange={(_e, d) => setChoice(d.value as Choice)}>
              <Radio value="link" label={t('tab.config.choiceLink')} disabled={choosable.length === 0} />
              <Radio value="create" label={t('tab.config.choiceCreate')} />
            </RadioGroup>
          </Field>
          {choice === 'link' ? (
            <section aria-labelledby="config-pick" className={styles.block}>
              <h2 id="config-pick">{t('tab.config.pickTitle')}</h2>
              <NetworkChoices networks={choosable} selected={selected} onSelect={setSelected} channelKnown={!!channel} />
              {choosable.length < all.length && <Text as="p" block>{t('tab.config.onlyLeaders')}</Text>}
            </section>
          ) : (
            <section aria-labelledby="config-create" className={styles.block}>
              <h2 id="config-create">{t('tab.config.createTitle')}</h2>
              <NetworkForm draft={form.draft} onChange={form.onChange} errors={form.errors} disabled={busy} idPrefix="config" />
            </section>
          )}
          {failure && <MessageBar intent="error" className={styles.block}><MessageBarBody>{failure}</MessageBarBody></MessageBar>}
          <div className={styles.actions}>
            {host.inTeams ? (
              <Text>{t('tab.config.teamsSaveHint')}</Text>
            ) : (
              <Button type="submit" appearance="primary" disabled={busy}>{t(kindInfo(kind).open)}</Button>
            )}
            {busy && <Spinner size="tiny" label={t('tab.config.saving')} />}
          </div>
        </form>
      )}
    </main>
  );
}

function NetworkChoices(props: { networks: NetworkEntry[]; selected: string; onSelect: (id: string) => void; channelKnown: boolean }) {
  const { host, t } = useApp();
  const styles = useStyles();
  const channel = channelOf(host);
  if (props.networks.length === 0) return <Text as="p" block>{t('tab.config.noneToLink')}</Text>;
  return (
    <Field label={t('tab.config.pickLabel')} required>
      <RadioGroup value={props.selected} onChange={(_e, d) => props.onSelect(d.value)}>
        {props.networks.map((network) => (
          <div key={network.id} className={styles.option}>
            <Radio value={network.id} label={network.name} aria-describedby={`config-facts-${network.id}`} />
            <span id={`config-facts-${network.id}`} className={styles.facts}>
              <NetworkFacts network={network} />
              {props.channelKnown && (
                <Text size={200}>
                  {' · '}
                  {t(isLinkedTo(network, channel) ? 'tab.config.linkedHere' : network.channelId ? 'tab.config.linkedElsewhere' : 'tab.config.notLinked')}
                </Text>
              )}
            </span>
          </div>
        ))}
      </RadioGroup>
    </Field>
  );
}

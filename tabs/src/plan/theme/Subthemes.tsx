import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Subtheme } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import type { SectionProps } from '../SectionProps';
import { SaveFailureBar, useSaver } from '../../shared/formKit';
import { SubthemeForm, type SubthemeValues } from './SubthemeForm';
import { networkApi } from '../../shell/networkApi';

const useStyles = makeStyles({
  list: { margin: '8px 0 16px', paddingLeft: '24px', display: 'grid', gap: '8px', maxWidth: '880px' },
  item: { paddingLeft: '4px' },
  title: { fontWeight: tokens.fontWeightSemibold },
  description: { margin: '2px 0', whiteSpace: 'pre-wrap' },
  actions: { display: 'flex', gap: '4px', flexWrap: 'wrap', marginTop: '4px' },
  add: { marginTop: '8px' },
});

const byOrder = (a: Subtheme, b: Subtheme) => a.order - b.order || a.title.localeCompare(b.title);

/** Subthemes, in the order the network takes them up — as a rule one per meeting. */
export function Subthemes({ plan, canEdit, reload }: SectionProps) {
  const { api, t } = useApp();
  const styles = useStyles();
  const subthemes = [...plan.subthemes].sort(byOrder);
  const [editing, setEditing] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const saver = useSaver([]);
  const client = networkApi(api, plan.network.id).subthemes;

  /** Runs one change; the plan is reloaded after it. False (and a message) when it was refused. */
  const run = (work: () => Promise<unknown>): Promise<boolean> =>
    saver.run(async () => {
      await work();
      await reload();
    });

  const add = (values: SubthemeValues) =>
    run(() => client.create({ ...values, order: subthemes.length ? subthemes.at(-1)!.order + 1 : 0 }));
  const change = (s: Subtheme, values: SubthemeValues) =>
    run(() => client.patch(s.id, values, s.etag)).then((ok) => (ok && setEditing(undefined), ok));
  const remove = (s: Subtheme) => run(() => client.remove(s.id, s.etag)).then(() => setConfirming(undefined));
  /** Moving one renumbers the list 0..n-1, so gaps and ties left by earlier deletes disappear too. */
  const move = (index: number, by: -1 | 1) => {
    const next = [...subthemes];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    return run(async () => {
      for (const [order, s] of next.entries()) if (s.order !== order) await client.patch(s.id, { order }, s.etag);
    });
  };

  return (
    <>
      {canEdit && <Text as="p" block>{t('tab.theme.subthemes.hint')}</Text>}
      <SaveFailureBar failure={saver.failure} onReload={() => reload().then(saver.clear)} />
      {subthemes.length === 0 ? (
        <Text as="p" block>{t('tab.theme.subthemes.none')}</Text>
      ) : (
        <ol className={styles.list}>
          {subthemes.map((s, index) => (
            <li key={s.id} className={styles.item}>
              {editing === s.id ? (
                <SubthemeForm
                  idPrefix={`subtheme-${s.id}`}
                  initial={{ title: s.title, description: s.description }}
                  submitLabel={t('tab.save')}
                  onSubmit={(values) => change(s, values)}
                  onCancel={() => setEditing(undefined)}
                />
              ) : (
                <>
                  <Text className={styles.title}>{s.title}</Text>
                  {s.description && <p className={styles.description}>{s.description}</p>}
                  {canEdit && (
                    <div className={styles.actions}>
                      {confirming === s.id ? (
                        <>
                          <Text>{t('tab.theme.subthemes.confirmDelete')}</Text>
                          <Button size="small" appearance="primary" onClick={() => void remove(s)}>
                            {t('tab.theme.subthemes.confirmYes', { title: s.title })}
                          </Button>
                          <Button size="small" onClick={() => setConfirming(undefined)}>{t('tab.cancel')}</Button>
                        </>
                      ) : (
                        <>
                          <Button size="small" onClick={() => setEditing(s.id)} aria-label={t('tab.theme.subthemes.edit', { title: s.title })}>
                            {t('tab.edit')}
                          </Button>
                          <Button size="small" disabled={index === 0} onClick={() => void move(index, -1)} aria-label={t('tab.theme.subthemes.moveUp', { title: s.title })}>
                            {t('tab.theme.subthemes.up')}
                          </Button>
                          <Button size="small" disabled={index === subthemes.length - 1} onClick={() => void move(index, 1)} aria-label={t('tab.theme.subthemes.moveDown', { title: s.title })}>
                            {t('tab.theme.subthemes.down')}
                          </Button>
                          <Button size="small" onClick={() => setConfirming(s.id)} aria-label={t('tab.theme.subthemes.delete', { title: s.title })}>
                            {t('tab.delete')}
                          </Button>
                        </>
                      )}
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <section aria-labelledby="subtheme-add" className={styles.add}>
          <h4 id="subtheme-add">{t('tab.theme.subthemes.addTitle')}</h4>
          <SubthemeForm idPrefix="subtheme-new" submitLabel={t('tab.theme.subthemes.add')} onSubmit={add} />
        </section>
      )}
    </>
  );
}

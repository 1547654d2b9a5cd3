import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { networkTypeLabel } from '@domain/labels';
import type { NetworkType } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import { typeHelpKey } from '../../networks/networkDraft';

const useStyles = makeStyles({
  box: {
    maxWidth: '880px',
    padding: '12px 16px',
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    display: 'grid',
    gap: '4px',
  },
  heading: { margin: 0 },
});

/** The network type and what it means for the solutions expected (the handbook's "Udfold netværkstemaet"). */
export function NetworkTypeInfo({ type }: { type: NetworkType }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  return (
    <section aria-labelledby="theme-network-type" className={styles.box}>
      <h3 id="theme-network-type" className={styles.heading}>
        {t('tab.theme.networkType', { type: networkTypeLabel(type, locale) })}
      </h3>
      <Text>{t(typeHelpKey(type))}</Text>
      <Text size={200}>{t('tab.theme.networkTypeWhy')}</Text>
    </section>
  );
}

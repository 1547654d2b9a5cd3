import { useRef } from 'react';
import { Text, makeStyles } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import type { SectionProps } from '../SectionProps';
import { OnThisPage } from '../../shared/OnThisPage';
import { NetworkTypeInfo } from './NetworkTypeInfo';
import { Revisions } from './Revisions';
import { Subthemes } from './Subthemes';
import { ThemeEditor } from './ThemeEditor';
import { ThemeView } from './ThemeView';

const useStyles = makeStyles({ part: { marginTop: '32px' } });

/** "Udfold netværkets tema" (the handbook, and its "Udfold netværkstemaet"): the questions, the good theme's characteristics, subthemes, revisions. */
export function ThemeSection({ plan, canEdit, reload }: SectionProps) {
  const { t } = useApp();
  const styles = useStyles();
  const section = useRef<HTMLElement>(null);
  return (
    <section aria-labelledby="theme-title" ref={section}>
      <h2 id="theme-title">{t('tab.theme.title')}</h2>
      <Text as="p" block>{t('tab.theme.intro')}</Text>
      <OnThisPage within={section} headings="h3" />
      <NetworkTypeInfo type={plan.network.type} />
      <div className={styles.part}>
        {/* The subtheme list answers the theme's question about subthemes: shown in its place, not asked a second time. */}
        {canEdit ? (
          <ThemeEditor plan={plan} reload={reload} subthemes={<Subthemes plan={plan} canEdit reload={reload} />} />
        ) : (
          <ThemeView plan={plan} subthemes={<Subthemes plan={plan} canEdit={false} reload={reload} />} />
        )}
      </div>
      <section aria-labelledby="theme-revisions" className={styles.part}>
        <h3 id="theme-revisions">{t('tab.theme.revisions.title')}</h3>
        <Text as="p" block>{t('tab.theme.revisions.intro')}</Text>
        <Revisions revisions={plan.themeRevisions} />
      </section>
    </section>
  );
}

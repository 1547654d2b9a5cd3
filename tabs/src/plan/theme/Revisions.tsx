import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ThemeRevision } from '@domain/model';
import { changesInRevision } from '@domain/themeDiff';
import { useApp } from '../../shell/AppContext';
import { ChangeList } from './ChangeList';
import { formatDateTime } from '../../shared/formatDateTime';

const useStyles = makeStyles({
  table: { maxWidth: '880px' },
  caption: { textAlign: 'start', paddingBottom: '8px' },
  changes: { marginTop: '16px', maxWidth: '880px' },
});

/** Every saved version of the theme, newest first; for the chosen one, what it changed. */
export function Revisions({ revisions }: { revisions: ThemeRevision[] }) {
  const { t } = useApp();
  const styles = useStyles();
  const newestFirst = [...revisions].sort((a, b) => b.revision - a.revision);
  const [chosen, setChosen] = useState<number>();
  const shown = chosen === undefined ? undefined : changesInRevision(revisions, chosen);
  const heading = useRef<HTMLHeadingElement>(null);
  // The changes appear below the table: take the keyboard (and the screen reader) there.
  useEffect(() => heading.current?.focus(), [chosen]);

  if (revisions.length === 0) return <Text as="p" block>{t('tab.theme.revisions.none')}</Text>;
  return (
    <>
      <Table className={styles.table} size="small">
        <caption className={styles.caption}>{t('tab.theme.revisions.caption')}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('tab.theme.revisions.revision')}</TableHeaderCell>
            <TableHeaderCell>{t('tab.theme.revisions.savedBy')}</TableHeaderCell>
            <TableHeaderCell>{t('tab.theme.revisions.savedAt')}</TableHeaderCell>
            <TableHeaderCell>{t('tab.theme.revisions.changes')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {newestFirst.map((r) => (
            <TableRow key={r.revision}>
              <TableCell>{t('tab.theme.revisions.number', { revision: r.revision })}</TableCell>
              <TableCell>{r.savedBy}</TableCell>
              <TableCell>{formatDateTime(r.savedAt)}</TableCell>
              <TableCell>
                <Button
                  size="small"
                  aria-pressed={chosen === r.revision}
                  aria-controls="theme-revision-changes"
                  onClick={() => setChosen(chosen === r.revision ? undefined : r.revision)}
                >
                  {t('tab.theme.revisions.show', { revision: r.revision })}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div id="theme-revision-changes" className={styles.changes}>
        {shown && (
          <>
            <h4 ref={heading} tabIndex={-1}>
              {shown.previous
                ? t('tab.theme.revisions.comparedWith', { revision: shown.revision.revision, previous: shown.previous.revision })
                : t('tab.theme.revisions.first', { revision: shown.revision.revision })}
            </h4>
            <Text as="p" block>
              {t('tab.theme.revisions.savedLine', { name: shown.revision.savedBy, when: formatDateTime(shown.revision.savedAt) })}
            </Text>
            {shown.changes.length === 0 ? (
              <Text as="p" block>{t('tab.theme.revisions.noChanges')}</Text>
            ) : (
              <ChangeList
                changes={shown.changes}
                beforeLabel={shown.previous ? t('tab.theme.revisions.before', { revision: shown.previous.revision }) : t('tab.theme.revisions.beforeFirst')}
                afterLabel={t('tab.theme.revisions.after', { revision: shown.revision.revision })}
              />
            )}
          </>
        )}
      </div>
    </>
  );
}

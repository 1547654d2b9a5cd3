import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Agenda, Meeting } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import { useTableStyles } from '../../shared/formKit';

const useStyles = makeStyles({
  heading: { margin: '12px 0 4px', fontSize: tokens.fontSizeBase400 },
  time: { width: '80px' },
  text: { whiteSpace: 'pre-wrap', margin: 0, maxWidth: '70ch' },
});

/** The agenda as participants and the reference leader see it: the programme and the preparation. */
export function AgendaView({ agenda, meeting, label }: { agenda?: Agenda; meeting: Meeting; label: string }) {
  const { t } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  const items = [...(agenda?.items ?? [])].sort((a, b) => a.time.localeCompare(b.time));
  return (
    <>
      <h3 className={styles.heading}>{t('tab.agenda.formTitle', { label })}</h3>
      {items.length === 0 ? (
        <p className={table.muted}>{t('tab.agenda.readOnly.none')}</p>
      ) : (
        <div className={table.wrap}>
          <table className={table.table}>
            <caption className={table.caption}>{t('tab.agenda.items')}</caption>
            <thead>
              <tr>
                <th scope="col" className={mergeClasses(table.th, styles.time)}>{t('tab.agenda.field.time')}</th>
                <th scope="col" className={table.th}>{t('tab.agenda.field.content')}</th>
                <th scope="col" className={table.th}>{t('tab.agenda.field.process')}</th>
                <th scope="col" className={table.th}>{t('tab.agenda.field.purpose')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td className={table.td}>{item.time}</td>
                  <th scope="row" className={table.rowHeader}>{item.content}</th>
                  <td className={table.td}>{item.process}</td>
                  <td className={table.td}>{item.purpose}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {meeting.preparation && (
        <>
          <h4 className={styles.heading}>{t('tab.meetings.field.preparation')}</h4>
          <p className={styles.text}>{meeting.preparation}</p>
        </>
      )}
    </>
  );
}

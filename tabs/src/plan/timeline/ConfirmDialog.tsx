import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import { SaveProblemBar } from './SaveProblemBar';
import type { StepsChange, usePhaseSaver } from './usePhaseSaver';

const useStyles = makeStyles({ content: { display: 'grid', gap: '12px' } });

/** "Are you sure?" for changes that take something away: removing a step, starting over from the template. */
export function ConfirmDialog(props: {
  title: string;
  text: string;
  confirmLabel: string;
  change: StepsChange;
  saver: ReturnType<typeof usePhaseSaver>;
  onClose: () => void;
}) {
  const { t } = useApp();
  const styles = useStyles();
  const confirm = async () => {
    if (await props.saver.save(props.change)) props.onClose();
  };
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && props.onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={styles.content}>
            <SaveProblemBar saver={props.saver} />
            <Text as="p" block>{props.text}</Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={props.saver.busy} onClick={() => void confirm()}>{props.confirmLabel}</Button>
            <Button onClick={props.onClose}>{t('tab.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

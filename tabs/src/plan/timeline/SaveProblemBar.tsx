import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import { ConflictBar } from '../theme/ConflictBar';
import type { usePhaseSaver } from './usePhaseSaver';

/** Conflict (with "load the latest"), another failure, or "your change is kept — save again". */
export function SaveProblemBar({ saver }: { saver: ReturnType<typeof usePhaseSaver> }) {
  const { t } = useApp();
  if (saver.problem?.conflict) return <ConflictBar message={saver.problem.message} onLoadLatest={saver.loadLatest} />;
  if (saver.problem) {
    return (
      <MessageBar intent="error" politeness="assertive">
        <MessageBarBody>{saver.problem.message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (saver.reloaded) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('tab.timeline.keptChange')}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}

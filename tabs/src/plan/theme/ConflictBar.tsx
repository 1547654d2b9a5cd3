import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useApp } from '../../shell/AppContext';

/** 409: someone saved first. Loading their version keeps what this user typed (the caller's job). */
export function ConflictBar({ message, onLoadLatest }: { message: string; onLoadLatest: () => Promise<void> }) {
  const { t } = useApp();
  const [loading, setLoading] = useState(false);
  return (
    <MessageBar intent="warning" layout="multiline" politeness="assertive">
      {/* The server's message says it all: someone saved first, and the typed text is not lost. */}
      <MessageBarBody>{message}</MessageBarBody>
      <MessageBarActions>
        <Button
          appearance="primary"
          disabled={loading}
          onClick={() => {
            setLoading(true);
            void onLoadLatest().finally(() => setLoading(false));
          }}
        >
          {t('tab.conflict.reload')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

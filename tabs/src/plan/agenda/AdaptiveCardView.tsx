import { useEffect, useRef, useState } from 'react';
import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import { fluentTheme } from '../../shell/theme';
import { cardHostConfig } from './cardHostConfig';

const useStyles = makeStyles({
  frame: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: 'hidden',
    overflowWrap: 'anywhere',
  },
});

// The SDK is loaded when a card is first shown, so the rest of the plan does not wait for it.
const loadSdk = () => import('adaptivecards');

/** Renders an Adaptive Card's JSON as Teams would, read-only, in the tab's current theme. */
export function AdaptiveCardView({ card, headingLevel = 4 }: { card: object; headingLevel?: number }) {
  const { theme } = useApp();
  const styles = useStyles();
  const target = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    loadSdk().then(
      (AC) => {
        if (cancelled || !target.current) return;
        // The card is content to read, not a stop on the way through the page.
        AC.GlobalSettings.setTabIndexAtCardRoot = false;
        const rendered = new AC.AdaptiveCard();
        rendered.hostConfig = new AC.HostConfig(cardHostConfig(fluentTheme(theme), headingLevel));
        rendered.onExecuteAction = () => undefined;
        rendered.parse(card);
        const element = rendered.render();
        target.current.replaceChildren(...(element ? [element] : []));
        setFailure(undefined);
      },
      (error: Error) => !cancelled && setFailure(error.message),
    );
    return () => {
      cancelled = true;
    };
  }, [card, theme, headingLevel]);

  return (
    <>
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      <div ref={target} className={styles.frame} data-testid="adaptive-card" />
    </>
  );
}

import type { MouseEvent, ReactNode } from 'react';
import { Link } from '@fluentui/react-components';
import { useApp } from '../shell/AppContext';
import { planUrl, teamsPageTarget, type TabKind } from './networkDraft';

// A link from one of a network's pages to another (the plan ↔ the delivery to Chefforum): always a real link
// (an anchor with the page's address: keyboard, middle click, "open in new tab", screen readers' link lists).
// In a Teams channel, a plain click asks Teams to show the channel's own tab of that page, if the channel has one;
// otherwise — no such tab, the personal tab, a browser — the page opens where the link is.

/** Teams shows the channel's tab with this entity id; false when it cannot (no such tab, an older host). */
async function navigateToTeamsPage(pageId: string): Promise<boolean> {
  try {
    // Inside Teams the library is already here (shell/host.ts loaded it to find the host).
    const { pages } = await import('../shell/teams');
    if (!pages.currentApp.isSupported()) return false;
    await pages.currentApp.navigateTo({ pageId });
    return true;
  } catch {
    return false;
  }
}

export interface TabLinkProps {
  networkId: string;
  kind: TabKind;
  children: ReactNode;
  className?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
  'data-testid'?: string;
}

export function TabLink({ networkId, kind, children, ...rest }: TabLinkProps) {
  const { host } = useApp();
  const href = planUrl(networkId, kind);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const plainClick = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    const pageId = plainClick ? teamsPageTarget(host, networkId, kind) : undefined;
    if (!pageId) return;
    event.preventDefault();
    void navigateToTeamsPage(pageId).then((done) => done || window.location.assign(href));
  };
  return (
    <Link href={href} onClick={onClick} {...rest}>
      {children}
    </Link>
  );
}

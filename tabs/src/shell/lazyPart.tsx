import { Component, lazy, Suspense, useState, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useApp } from './AppContext';

// A part of a page that is downloaded when it is first shown (its own chunk in the build): the plan's
// sections. `preload` starts the download early — for the section the page opens on, at once; for the
// one the user is likely to open next, when the browser is idle or the pointer/focus reaches its tab —
// so that switching rarely shows the spinner at all.

export interface LazyPart<P extends object> {
  /** Renders the part: at once when downloaded, else a labelled spinner until it is. */
  Part: ComponentType<P>;
  /** Starts (or joins) the download. */
  preload: () => Promise<unknown>;
}

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    pending ??= load().then(
      (component) => (loaded = component),
      (failure: unknown) => {
        pending = undefined; // a later attempt downloads again
        throw failure;
      },
    );
    return pending;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Part(props: P) {
    // Chosen once per mount: a part already downloaded renders in the same frame (no spinner flash), and
    // never switches between the two afterwards (that would remount it and lose what the user typed).
    const [Impl] = useState<ComponentType<P>>(() => loaded ?? (Lazy as unknown as ComponentType<P>));
    return (
      <PartBoundary>
        <Suspense fallback={<PartLoading />}>
          <Impl {...props} />
        </Suspense>
      </PartBoundary>
    );
  }
  return { Part, preload };
}

/** Preloads when the browser has nothing else to do (after the first view is drawn). */
export function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout: 5000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(work, 1500);
  return () => window.clearTimeout(handle);
}

function PartLoading() {
  const { t } = useApp();
  return <Spinner size="small" label={t('tab.lazy.loading')} data-testid="part-loading" />;
}

/** A part whose download failed (offline, a deployment replaced the files): said, with a way out. */
class PartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('part failed', error, info.componentStack);
  }
  render() {
    return this.state.failed ? <PartFailed /> : this.props.children;
  }
}

function PartFailed() {
  const { t } = useApp();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('tab.lazy.failedTitle')}</MessageBarTitle>
        {t('tab.lazy.failed')}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={() => window.location.reload()}>{t('tab.lazy.reload')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

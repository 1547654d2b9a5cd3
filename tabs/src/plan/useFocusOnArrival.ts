import { useEffect, useState } from 'react';

// Where a link opened the plan (./linkTarget.ts), the page moves the reader: to that section's heading.

const ARRIVAL_TIMEOUT_MS = 10_000;

/**
 * Once the section has drawn its heading (its code loads on demand), scrolls it into view and moves focus to it, so
 * a keyboard or screen reader user starts where the link pointed. Once per page load.
 */
export function useFocusOnArrival(section: string | undefined, enabled: boolean): void {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!enabled || done || !section) return;
    const find = () => document.getElementById(`${section}-heading`) ?? document.getElementById(`${section}-title`);
    const arrive = (heading: HTMLElement) => {
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.scrollIntoView({ block: 'start' });
      heading.focus({ preventScroll: true });
      setDone(true);
    };
    const now = find();
    if (now) return arrive(now);
    const observer = new MutationObserver(() => {
      const heading = find();
      if (heading) {
        observer.disconnect();
        arrive(heading);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), ARRIVAL_TIMEOUT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [section, enabled, done]);
}

import { useEffect, useState, type RefObject } from 'react';
import { makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { useApp } from '../shell/AppContext';

const useStyles = makeStyles({
  nav: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '4px 12px', margin: '0 0 12px', fontSize: tokens.fontSizeBase200 },
  label: { color: tokens.colorNeutralForeground2 },
  list: { display: 'flex', flexWrap: 'wrap', gap: '4px 12px', margin: 0, padding: 0, listStyleType: 'none' },
  link: {
    padding: 0,
    ...shorthands.borderStyle('none'),
    background: 'transparent',
    font: 'inherit',
    color: tokens.colorBrandForegroundLink,
    textDecoration: 'underline',
    cursor: 'pointer',
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
});

interface Props {
  /** The part of the page whose headings are listed. */
  within: RefObject<HTMLElement | null>;
  /** Which headings: the section's own parts (h3 in a plan section, h2 on the delivery page). */
  headings: 'h2' | 'h3';
}

interface Entry {
  text: string;
  element: HTMLElement;
}

/** Headings that are parts of the page, not the title of an open edit form (its first child) or of a dialog. */
function headingsOf(container: HTMLElement, selector: string): Entry[] {
  return Array.from(container.querySelectorAll<HTMLElement>(selector))
    .filter((h) => h.parentElement?.tagName !== 'FORM' && !h.closest('[role="dialog"], [role="alertdialog"]') && h.textContent?.trim())
    // A long heading ("Netværksmøde 2 af 5: <the subtheme>, 30.12.2026") may name itself shorter for the links.
    .map((element) => ({ element, text: element.dataset.navLabel ?? element.textContent!.trim() }));
}

const same = (a: Entry[], b: Entry[]) => a.length === b.length && a.every((e, i) => e.element === b[i]!.element && e.text === b[i]!.text);

/**
 * "På denne side": one line of links to a long section's parts, above them. Shown only where it helps — at least two
 * parts and more than a screen of content — so a short section stays as it is. The links move focus to the part's
 * heading (the plan's location hash names the section, so they are buttons, not anchors).
 */
export function OnThisPage({ within, headings }: Props) {
  const { t } = useApp();
  const styles = useStyles();
  const [entries, setEntries] = useState<Entry[]>([]);

  useEffect(() => {
    const container = within.current;
    if (!container) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const tall = container.getBoundingClientRect().height > window.innerHeight;
      const found = tall ? headingsOf(container, headings) : [];
      const next = found.length >= 2 ? found : [];
      setEntries((current) => (same(current, next) ? current : next));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    schedule();
    const observer = new MutationObserver(schedule);
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    window.addEventListener('resize', schedule);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [within, headings]);

  if (entries.length === 0) return null;
  const go = (heading: HTMLElement) => {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };
  return (
    <nav className={styles.nav} aria-label={t('tab.onThisPage')}>
      <span className={styles.label} aria-hidden="true">
        {t('tab.onThisPage')}:
      </span>
      <ul className={styles.list}>
        {entries.map((entry, index) => (
          <li key={index}>
            <button type="button" className={styles.link} onClick={() => go(entry.element)}>
              {entry.text}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

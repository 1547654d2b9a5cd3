import { useRef, type ReactNode, type RefObject } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { OnThisPage } from './OnThisPage';

const useStyles = makeStyles({
  heading: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase600 },
  intro: { margin: '0 0 12px', maxWidth: '70ch' },
});

/** The id of a section's heading: what the section is labelled by, and where focus goes when nothing better is left. */
export const headingIdOf = (name: string) => `${name}-heading`;

interface Props {
  /** Names the heading's id: `<name>-heading`. */
  name: string;
  title: string;
  intro: string;
  /** Shown under the intro, before the add button. */
  afterIntro?: ReactNode;
  /** The section's live region (useAnnouncer). */
  region: ReactNode;
  /** The primary "add" button, when the user may add and no form is open. */
  add?: { label: string; onClick: () => void; ref: RefObject<HTMLButtonElement | null> };
  children: ReactNode;
}

/** A section of the plan: its heading (a focus target), intro, links to its parts when it is long, live status and the add button; the list below. */
export function PlanSection({ name, title, intro, afterIntro, region, add, children }: Props) {
  const styles = useStyles();
  const section = useRef<HTMLElement>(null);
  return (
    <section aria-labelledby={headingIdOf(name)} ref={section}>
      <h2 id={headingIdOf(name)} className={styles.heading} tabIndex={-1}>
        {title}
      </h2>
      <p className={styles.intro}>{intro}</p>
      <OnThisPage within={section} headings="h3" />
      {afterIntro}
      {region}
      {add && (
        <Button appearance="primary" ref={add.ref} onClick={add.onClick}>
          {add.label}
        </Button>
      )}
      {children}
    </section>
  );
}

import { useId } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { COMPETENCE_AREAS, type CompetenceArea, type Participant } from '@domain/model';
import { EXTERNAL_ROLES } from '@domain/advice';
import { competenceAreaLabel, roleLabel } from '@domain/labels';
import { useApp } from '../../shell/AppContext';
import { CheckIcon, WarningIcon } from '../../shared/formKit';
import { AREA_HELP } from './ParticipantForm';
import { orderParticipants } from './order';

// The competence diamond (the handbook's "Find dine netværksdeltagere"): which of the four areas the network has, and who brings them.
// Laid out as a diamond on wide screens; in the DOM a plain list in the handbook's order.

const PLACE: Record<CompetenceArea, string> = {
  professionalExpertise: 'top',
  externalPerspectives: 'right',
  publicAdministrationFrameworks: 'bottom',
  resourcesAndBacking: 'left',
};

const useStyles = makeStyles({
  section: { marginBlock: '24px' },
  heading: { margin: '0 0 4px', fontSize: tokens.fontSizeBase500 },
  intro: { margin: '0 0 12px', color: tokens.colorNeutralForeground2 },
  diamond: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'grid',
    gap: '12px',
    gridTemplateColumns: '1fr',
    '@media (min-width: 760px)': {
      gridTemplateColumns: '1fr minmax(120px, 0.6fr) 1fr',
      gridTemplateAreas: '". top ." "left center right" ". bottom ."',
      alignItems: 'center',
    },
  },
  center: {
    display: 'none',
    '@media (min-width: 760px)': {
      display: 'block',
      gridArea: 'center',
      justifySelf: 'center',
      width: '72px',
      height: '72px',
      transform: 'rotate(45deg)',
      border: `2px solid ${tokens.colorNeutralStroke1}`,
    },
  },
  area: {
    padding: '10px 12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `2px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  uncovered: { border: `2px dashed ${tokens.colorNeutralStrokeAccessible}` },
  areaHeading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  help: { margin: '2px 0 6px', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  status: { margin: 0, display: 'flex', gap: '6px', alignItems: 'flex-start' },
  statusUncovered: { fontWeight: tokens.fontWeightSemibold },
  customHeading: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase300 },
  customList: { margin: 0, paddingInlineStart: '20px' },
});

export function CompetenceDiamond({ participants }: { participants: Participant[] }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const headingId = useId();
  const ordered = orderParticipants(participants, locale);

  /** Who covers an area: by choosing it, or (external perspectives) by who they are, as the advice counts it. */
  const coveredBy = (area: CompetenceArea) =>
    ordered
      .filter((p) => p.competenceAreas.includes(area) || (area === 'externalPerspectives' && EXTERNAL_ROLES.includes(p.role)))
      .map((p) =>
        p.competenceAreas.includes(area) ? p.name : t('tab.participants.diamond.byRole', { name: p.name, role: roleLabel(p.role, locale) }),
      );

  const custom = new Map<string, string[]>();
  for (const p of ordered) {
    for (const competence of p.customCompetences) {
      const key = [...custom.keys()].find((k) => k.toLowerCase() === competence.toLowerCase()) ?? competence;
      custom.set(key, [...(custom.get(key) ?? []), p.name]);
    }
  }

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h3 id={headingId} className={styles.heading}>
        {t('tab.participants.diamond.heading')}
      </h3>
      <p className={styles.intro}>{t('tab.participants.diamond.intro')}</p>
      <ul className={styles.diamond}>
        {COMPETENCE_AREAS.map((area) => {
          const names = coveredBy(area);
          return (
            <li
              key={area}
              className={mergeClasses(styles.area, names.length === 0 && styles.uncovered)}
              style={{ gridArea: PLACE[area] }}
              data-area={area}
              data-covered={names.length > 0}
            >
              <h4 className={styles.areaHeading}>{competenceAreaLabel(area, locale)}</h4>
              <p className={styles.help}>{t(AREA_HELP[area])}</p>
              {names.length > 0 ? (
                <p className={styles.status}>
                  <CheckIcon />
                  <span>{t('tab.participants.diamond.covered', { names: names.join(', ') })}</span>
                </p>
              ) : (
                <p className={mergeClasses(styles.status, styles.statusUncovered)}>
                  <WarningIcon />
                  <span>{t('tab.participants.diamond.uncovered')}</span>
                </p>
              )}
            </li>
          );
        })}
        <li aria-hidden="true" className={styles.center} />
      </ul>
      <h4 className={styles.customHeading}>{t('tab.participants.diamond.custom')}</h4>
      {custom.size === 0 ? (
        <p className={styles.help}>{t('tab.participants.diamond.noCustom')}</p>
      ) : (
        <ul className={styles.customList}>
          {[...custom].map(([competence, names]) => (
            <li key={competence}>
              {t('tab.participants.diamond.customItem', { competence, names: names.join(', ') })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

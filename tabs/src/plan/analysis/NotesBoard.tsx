import { useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { AnalysisNote } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { SaveFailureBar, byIds, useFocusAfterRender } from '../../shared/formKit';
import { SavedNote, savedNow, type SavedInfo } from '../../shared/SavedNote';
import { useDeleteConfirmation } from '../../shared/useDeleteConfirmation';
import { AddNoteForm } from './AddNoteForm';
import { NoteEditForm } from './NoteEditForm';
import { NoteItem, noteButtonId } from './NoteItem';
import { categoryTitle, orderCategories } from './notes';
import { isParked, type useParkIdea } from './useParkIdea';
import { networkApi } from '../../shell/networkApi';

const useStyles = makeStyles({
  heading: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase500 },
  intro: { margin: '0 0 8px', color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  category: {
    padding: '12px 16px',
    marginBlock: '8px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  categoryHeading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  // Its own line under the heading, of no height while it is empty.
  categoryNote: { display: 'flex' },
  count: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300 },
  list: { listStyleType: 'none', margin: '8px 0 0', padding: 0, display: 'grid', gap: '8px' },
  muted: { margin: '4px 0 0', color: tokens.colorNeutralForeground2 },
});

export const categoryHeadingId = (categoryId: string) => `analysis-category-${categoryId}`;

interface Props {
  plan: PlanView;
  canEdit: boolean;
  canContribute: boolean;
  reload: () => Promise<void>;
  parker: ReturnType<typeof useParkIdea>;
}

/**
 * "Noter pr. kategori": everybody's notes in each category; anyone adds, leaders and authors change. Each change is
 * confirmed where it was made: on the note's line (saved, parked), under the category's heading (a note deleted),
 * beside the add button (a note added).
 */
export function NotesBoard({ plan, canEdit, canContribute, reload, parker }: Props) {
  const { api, t, locale, me } = useApp();
  const styles = useStyles();
  const focusAfter = useFocusAfterRender();
  const [editing, setEditing] = useState<string>();
  /** The last change, and where it shows: `note:<id>` or `category:<id>`. */
  const [confirmation, setConfirmation] = useState<{ where: string; saved: SavedInfo }>();
  const confirmed = (where: string) => (confirmation?.where === where ? confirmation.saved : undefined);
  const categories = orderCategories(plan.analysisCategories);
  const mayChange = (note: AnalysisNote) => canEdit || (canContribute && note.author.userId === me.identity.userId);

  const closeEditing = (note: AnalysisNote) => {
    setEditing(undefined);
    focusAfter(() => byIds(noteButtonId(note, 'edit')));
  };

  const park = async (note: AnalysisNote) => {
    const parked = await parker.park(note.text, note.id);
    if (parked) setConfirmation({ where: `note:${note.id}`, saved: parked });
  };

  const removal = useDeleteConfirmation<AnalysisNote>({
    remove: (note) => networkApi(api, plan.network.id).analysis.notes.remove(note.id, note.etag),
    reload,
    texts: (note) => ({ title: t('tab.analysis.notes.confirmTitle'), body: <p>{t('tab.analysis.notes.confirmBody', { text: note.text })}</p>, confirmLabel: t('tab.delete') }),
    onDeleted: (note) => setConfirmation({ where: `category:${note.categoryId}`, saved: savedNow(t('tab.analysis.notes.deleted')) }),
    focusAfterDelete: (note) => byIds(categoryHeadingId(note.categoryId)),
    focusAfterCancel: (note) => byIds(noteButtonId(note, 'delete')),
  });

  return (
    <section aria-labelledby="analysis-notes-heading" data-testid="analysis-notes">
      <h3 id="analysis-notes-heading" className={styles.heading}>{t('tab.analysis.notes.heading')}</h3>
      <p className={styles.intro}>{t('tab.analysis.notes.intro')}</p>
      {categories.length === 0 && <p className={styles.muted}>{t('tab.analysis.notes.noCategories')}</p>}
      {categories.map((category) => {
        const title = categoryTitle(category, locale);
        const notes = plan.analysisNotes.filter((n) => n.categoryId === category.id);
        return (
          <section key={category.id} aria-labelledby={categoryHeadingId(category.id)} className={styles.category} data-category={category.id}>
            <h4 id={categoryHeadingId(category.id)} className={styles.categoryHeading} tabIndex={-1}>
              {title} <span className={styles.count}>({t('tab.analysis.notes.count', { count: notes.length })})</span>
            </h4>
            <SavedNote className={styles.categoryNote} saved={confirmed(`category:${category.id}`)} />
            {notes.length === 0 ? (
              <p className={styles.muted}>{t('tab.analysis.notes.none')}</p>
            ) : (
              <ul className={styles.list} aria-label={title}>
                {notes.map((note) => (
                  <li key={note.id}>
                    {editing === note.id ? (
                      <NoteEditForm
                        plan={plan}
                        note={note}
                        reload={reload}
                        onSaved={() => {
                          setConfirmation({ where: `note:${note.id}`, saved: savedNow() });
                          closeEditing(note);
                        }}
                        onCancel={() => closeEditing(note)}
                      />
                    ) : (
                      <NoteItem
                        plan={plan}
                        note={note}
                        mayChange={mayChange(note)}
                        mayPark={canContribute}
                        parked={isParked(plan, note.text)}
                        parking={parker.parking === note.id}
                        onEdit={() => setEditing(note.id)}
                        onDelete={() => removal.ask(note)}
                        onPark={() => void park(note)}
                        saved={parker.parking === note.id ? undefined : confirmed(`note:${note.id}`)}
                        failure={
                          parker.failureAt(note.id) && (
                            <SaveFailureBar failure={parker.failureAt(note.id)} onReload={async () => (await reload(), parker.clear())} />
                          )
                        }
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
            {canContribute && <AddNoteForm plan={plan} category={category} title={title} reload={reload} />}
          </section>
        );
      })}
      {removal.dialog}
    </section>
  );
}

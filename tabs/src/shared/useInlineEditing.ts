import { useRef, useState } from 'react';
import { byIds, useFocusAfterRender } from './formKit';

export type Editing<T> = { mode: 'add' } | { mode: 'edit'; item: T };

/**
 * One add or edit form open at a time in a list of the plan. Closing it puts focus back where the user came from:
 * the item's edit button (found by id, as the row is drawn anew) after editing, the add button after adding.
 */
export function useInlineEditing<T extends { id: string }>(editButtonId: (item: T) => string) {
  const [editing, setEditing] = useState<Editing<T>>();
  const focusAfter = useFocusAfterRender();
  const addButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    const returnTo = editing?.mode === 'edit' ? editButtonId(editing.item) : undefined;
    setEditing(undefined);
    focusAfter(() => byIds(returnTo) ?? addButton.current);
  };
  return {
    editing,
    /** The item being edited, if an edit form is open. */
    edited: editing?.mode === 'edit' ? editing.item : undefined,
    add: () => setEditing({ mode: 'add' }),
    edit: (item: T) => setEditing({ mode: 'edit', item }),
    close,
    addButton,
  };
}

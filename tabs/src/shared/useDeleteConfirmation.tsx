import { useState, type ReactNode } from 'react';
import { ConfirmDialog, useFocusAfterRender, useSaver } from './formKit';

interface Options<T> {
  /** The DELETE call, with the version of the item that the plan holds now. */
  remove: (item: T) => Promise<void>;
  reload: () => Promise<void>;
  texts: (item: T) => { title: string; body: ReactNode; confirmLabel: string };
  /** After the delete: say so (live region). Called with the state of the plan before the reload. */
  onDeleted: (item: T) => void;
  focusAfterDelete: (item: T) => HTMLElement | null | undefined;
  /** Cancelled: back to the button that asked. */
  focusAfterCancel: (item: T) => HTMLElement | null | undefined;
}

/** "Delete X?" for a list of the plan: ask, delete and reload, keep a failure (a conflict offers the latest version). */
export function useDeleteConfirmation<T>({ remove, reload, texts, onDeleted, focusAfterDelete, focusAfterCancel }: Options<T>) {
  const [target, setTarget] = useState<T>();
  const remover = useSaver([]);
  const focusAfter = useFocusAfterRender();

  const ask = (item: T) => {
    remover.clear();
    setTarget(item);
  };

  const confirm = async () => {
    if (target === undefined) return;
    const ok = await remover.run(async () => {
      await remove(target);
      await reload();
    });
    if (ok) {
      onDeleted(target);
      setTarget(undefined);
      focusAfter(() => focusAfterDelete(target));
    }
  };

  const shown = target === undefined ? undefined : texts(target);
  const dialog = (
    <ConfirmDialog
      open={target !== undefined}
      title={shown?.title ?? ''}
      body={shown?.body}
      confirmLabel={shown?.confirmLabel ?? ''}
      busy={remover.saving}
      failure={remover.failure}
      onConfirm={() => void confirm()}
      onCancel={() => {
        if (target !== undefined) focusAfter(() => focusAfterCancel(target));
        setTarget(undefined);
      }}
      onReload={async () => {
        await reload();
        remover.clear();
      }}
    />
  );
  return { ask, target, dialog };
}

import { Button } from '@fluentui/react-components';
import { useApp } from '../shell/AppContext';

interface Props {
  /** Ids of the two buttons, so focus can come back to them after a form or a dialog closes. */
  editId: string;
  removeId: string;
  /** Accessible names that say which item ("Rediger Jens Jensen"). */
  editLabel: string;
  removeLabel: string;
  /** The visible text of the second button; "Slet" unless said otherwise. */
  removeText?: string;
  className?: string;
  onEdit: () => void;
  onRemove: () => void;
}

/** The edit and delete (or remove) buttons of one item in a list or table of the plan. */
export function ItemActions({ editId, removeId, editLabel, removeLabel, removeText, className, onEdit, onRemove }: Props) {
  const { t } = useApp();
  return (
    <div className={className}>
      <Button id={editId} size="small" onClick={onEdit} aria-label={editLabel}>
        {t('tab.edit')}
      </Button>
      <Button id={removeId} size="small" onClick={onRemove} aria-label={removeLabel}>
        {removeText ?? t('tab.delete')}
      </Button>
    </div>
  );
}

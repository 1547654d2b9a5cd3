import { useState } from 'react';
import { MAX } from '@domain/limits';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Textarea } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import { SaveFailureBar, useSaver } from '../../shared/formKit';
import { type MeetingApi } from '../../shell/networkApi';

export interface IdeaSource {
  participantId: string;
  name: string;
  question: string;
  answer: string;
  /** The button that opened the dialog, to go back to. */
  buttonId: string;
}

const MAX_IDEA = MAX.medium;

interface Props {
  source: IdeaSource;
  meetingApi: MeetingApi;
  onClose: (added: boolean) => void;
}

/** "Til P-pladsen": the leader trims the answer to an idea, which goes on the parking lot credited to its author. */
export function IdeaDialog({ source, meetingApi, onClose }: Props) {
  const { t } = useApp();
  const saver = useSaver(['text']);
  const [text, setText] = useState(source.answer.slice(0, MAX_IDEA));
  const [empty, setEmpty] = useState(false);

  const add = async () => {
    setEmpty(!text.trim());
    if (!text.trim()) return;
    const ok = await saver.run(async () => {
      await meetingApi.ideaFromReflection(source.participantId, text.trim());
    });
    if (ok) onClose(true);
  };

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('tab.reflections.idea.title')}</DialogTitle>
          <DialogContent>
            <Field
              label={t('tab.reflections.idea.field')}
              hint={t('tab.reflections.idea.hint', { name: source.name })}
              validationMessage={empty ? t('validation.required') : saver.failure?.fields.text}
            >
              <Textarea value={text} onChange={(_e, d) => setText(d.value)} maxLength={MAX_IDEA} resize="vertical" rows={4} />
            </Field>
            <SaveFailureBar failure={saver.failure} onReload={async () => saver.clear()} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={saver.saving} onClick={() => void add()}>
              {t('tab.reflections.idea.confirm')}
            </Button>
            <Button onClick={() => onClose(false)}>{t('tab.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

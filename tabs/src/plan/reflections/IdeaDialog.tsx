import { useState } from 'react';
import { MAX } from '@domain/limits';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  Textarea,
} from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { SaveFailureBar, useSaver } from '../../shared/formKit';
import type { MeetingApi } from '../../shell/networkApi';
import { orderParticipants } from '../participants/order';
import { ParticipantOptions } from '../participants/ParticipantOptions';

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
  /** The plan: whom the idea's owner (tovholder) can be chosen from. Without it, the owner is chosen later. */
  plan?: PlanView;
  onClose: (added: boolean) => void;
}

/**
 * "Til P-pladsen": the leader trims the answer to an idea, which goes on the parking lot credited to its author —
 * with its owner (tovholder) at once when the answer names one ("hvem er tovholder?").
 */
export function IdeaDialog({ source, meetingApi, plan, onClose }: Props) {
  const { t, locale } = useApp();
  const saver = useSaver(['text']);
  const [text, setText] = useState(source.answer.slice(0, MAX_IDEA));
  const [ownerId, setOwnerId] = useState('');
  const [empty, setEmpty] = useState(false);
  const participants = plan ? orderParticipants(plan.participants, locale) : [];

  // One request: the idea and its owner are stored together, or neither (a refused owner is said, nothing is lost).
  const add = async () => {
    setEmpty(!text.trim());
    if (!text.trim()) return;
    const idea = { text: text.trim(), ...(ownerId ? { owner: { participantId: ownerId } } : {}) };
    const ok = await saver.run(async () => {
      await meetingApi.ideaFromReflection(source.participantId, idea);
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
            {participants.length > 0 && (
              <Field label={t('tab.reflections.idea.owner')}>
                <Select value={ownerId} onChange={(_e, d) => setOwnerId(d.value)}>
                  <option value="">{t('tab.analysis.ideas.owner.none')}</option>
                  <ParticipantOptions participants={participants} />
                </Select>
              </Field>
            )}
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

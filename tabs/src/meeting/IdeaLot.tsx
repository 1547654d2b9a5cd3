import { useRef, useState, type FormEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { canContribute } from '@domain/access';
import type { Idea, Meeting, Participant } from '@domain/model';
import { MAX } from '@domain/schemas';
import { useApp } from '../shell/AppContext';
import { useNetworkApi } from '../shell/useNetworkApi';
import type { PlanView } from '../shell/usePlan';
import { CheckIcon, useSaver } from '../shared/formKit';
import { orderParticipants } from '../plan/participants/order';
import { ownerRow } from '../plan/analysis/IdeaControls';

// The idea parking lot in the meeting: an idea said aloud is parked in one line (Enter), tied to this meeting, with
// its owner (tovholder) at once if one is ready — the leaders choose anyone, a participant only themselves, as the
// API allows (POST …/ideas, the operation the tab and the card share). The meeting's open ideas, then the network's
// other open ideas, each with its owner: a participant takes an idea nobody owns, the leaders set or change owners.

const useStyles = makeStyles({
  heading: { margin: '20px 0 4px', fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  subheading: { margin: '12px 0 4px', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  // minmax(0, …) and minWidth 0: a long participant name in a <select> never widens the panel (it is cut in the box).
  form: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: '6px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'end' },
  grow: { flex: '1 1 10rem', minWidth: 0 },
  fill: { width: '100%', minWidth: 0 },
  status: { display: 'flex', gap: '6px', alignItems: 'center', color: tokens.colorPaletteGreenForeground1, minHeight: '1px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: '6px' },
  idea: { padding: '6px 8px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2, border: `1px solid ${tokens.colorNeutralStroke2}` },
  text: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  owner: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center', marginTop: '4px', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  select: { flex: '1 1 10rem', minWidth: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  failure: { marginBlock: '6px' },
});

/** A participant as an owner choice: the name only (the panel is narrow; the plan's lists add the role). */
function NameOptions({ participants }: { participants: readonly Pick<Participant, 'id' | 'name'>[] }) {
  return (
    <>
      {participants.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </>
  );
}

const isOpen = (idea: Idea) => idea.status === 'parked' || idea.status === 'takenOn';
const newestFirst = (a: Idea, b: Idea) => b.createdAt.localeCompare(a.createdAt);

export function IdeaLot({ plan, meeting, canEdit, reload }: { plan: PlanView; meeting: Meeting; canEdit: boolean; reload: () => Promise<void> }) {
  const { t } = useApp();
  const styles = useStyles();
  const [said, setSaid] = useState('');
  const [failure, setFailure] = useState<string>();
  const here = plan.ideas.filter((i) => i.meetingId === meeting.id && isOpen(i)).sort(newestFirst);
  const others = plan.ideas.filter((i) => i.meetingId !== meeting.id && isOpen(i)).sort(newestFirst);
  const say = (text: string) => (setFailure(undefined), setSaid(text));
  const fail = (text: string) => (setSaid(''), setFailure(text));
  return (
    <section aria-labelledby="side-panel-ideas">
      <h2 id="side-panel-ideas" className={styles.heading}>
        {t('tab.sidePanel.ideas')}
      </h2>
      {canContribute(plan.role) && <QuickAdd plan={plan} meeting={meeting} canEdit={canEdit} reload={reload} onSaid={say} />}
      {/* Every outcome is shown and read out: parked, owner set, or why not. */}
      <div role="status" className={styles.status} data-testid="side-panel-ideas-status">
        {said && (
          <>
            <CheckIcon />
            <span>{said}</span>
          </>
        )}
      </div>
      {failure && (
        <MessageBar intent="error" layout="multiline" className={styles.failure} role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      <h3 className={styles.subheading}>{t('tab.sidePanel.ideas.thisMeeting')}</h3>
      {here.length ? <IdeaList ideas={here} plan={plan} canEdit={canEdit} reload={reload} onSaid={say} onFailed={fail} /> : <p className={styles.muted}>{t('tab.sidePanel.ideas.noneHere')}</p>}
      {others.length > 0 && (
        <>
          <h3 className={styles.subheading}>{t('tab.sidePanel.ideas.others')}</h3>
          <IdeaList ideas={others} plan={plan} canEdit={canEdit} reload={reload} onSaid={say} onFailed={fail} />
        </>
      )}
    </section>
  );
}

function QuickAdd({ plan, meeting, canEdit, reload, onSaid }: { plan: PlanView; meeting: Meeting; canEdit: boolean; reload: () => Promise<void>; onSaid: (text: string) => void }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const client = useNetworkApi(plan.network.id);
  const saver = useSaver(['text', 'owner']);
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [empty, setEmpty] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const me = plan.participants.find((p) => p.id === plan.myParticipantId);
  const choices = canEdit ? orderParticipants(plan.participants, locale) : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const words = text.trim();
    setEmpty(!words);
    if (!words || saver.saving) return;
    let owner: string | undefined;
    const ok = await saver.run(async () => {
      const idea = await client.ideas.create({ text: words, meetingId: meeting.id, ...(ownerId ? { owner: { participantId: ownerId } } : {}) });
      owner = idea.owner?.name;
      await reload();
    });
    if (!ok) return;
    setText('');
    setOwnerId('');
    onSaid(owner ? t('tab.sidePanel.ideas.parkedWithOwner', { text: words, name: owner }) : t('tab.sidePanel.ideas.parked', { text: words }));
    // The next idea can be typed at once.
    field.current?.focus();
  };

  const textMessage = empty ? t('validation.required') : saver.failure?.fields.text;
  const otherFailure = saver.failure && !saver.failure.fields.text && !saver.failure.fields.owner ? saver.failure.message : undefined;
  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-labelledby="side-panel-ideas">
      <Field label={t('tab.sidePanel.ideas.new')} hint={t('tab.sidePanel.ideas.newHint')} validationMessage={textMessage}>
        <Input
          ref={field}
          value={text}
          maxLength={MAX.medium}
          onChange={(_e, d) => {
            setText(d.value);
            setEmpty(false);
          }}
        />
      </Field>
      <div className={styles.row}>
        {(choices.length > 0 || me) && (
          <Field className={styles.grow} label={t('tab.sidePanel.ideas.owner')} validationMessage={saver.failure?.fields.owner}>
            <Select className={styles.fill} value={ownerId} onChange={(_e, d) => setOwnerId(d.value)}>
              <option value="">{t('tab.sidePanel.ideas.owner.none')}</option>
              {canEdit ? <NameOptions participants={choices} /> : me && <option value={me.id}>{t('tab.sidePanel.ideas.owner.me', { name: me.name })}</option>}
            </Select>
          </Field>
        )}
        <Button type="submit" appearance="primary" disabledFocusable={saver.saving}>
          {t('tab.sidePanel.ideas.park')}
        </Button>
      </div>
      {saver.saving && <Spinner size="tiny" label={t('tab.sidePanel.ideas.parking')} />}
      {otherFailure && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t('tab.sidePanel.ideas.notParked', { reason: otherFailure })}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}

interface ListProps {
  ideas: Idea[];
  plan: PlanView;
  canEdit: boolean;
  reload: () => Promise<void>;
  onSaid: (text: string) => void;
  onFailed: (text: string) => void;
}

function IdeaList({ ideas, ...props }: ListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {ideas.map((idea) => (
        <IdeaLine key={idea.id} idea={idea} {...props} />
      ))}
    </ul>
  );
}

function IdeaLine({ idea, plan, canEdit, reload, onSaid, onFailed }: Omit<ListProps, 'ideas'> & { idea: Idea }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const client = useNetworkApi(plan.network.id);
  const [busy, setBusy] = useState(false);
  const participants = orderParticipants(plan.participants, locale);
  const row = ownerRow(idea, participants);
  const mine = plan.myParticipantId;

  const change = async (owner: { participantId: string } | null, said: (saved: Idea) => string) => {
    setBusy(true);
    try {
      const saved = await client.ideas.patch(idea.id, { owner }, idea.etag);
      await reload();
      onSaid(said(saved));
    } catch (error) {
      onFailed(t('tab.sidePanel.ideas.changeFailed', { text: idea.text, reason: (error as Error).message }));
      await reload().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  // The owner field's name is its visible label and the idea's text ("Tovholder <idea>"): one per idea, told apart.
  const textId = `side-panel-idea-${idea.id}`;
  const labelId = `${textId}-owner`;
  let control = null;
  if (canEdit) {
    control = (
      <Select
        className={styles.select}
        aria-labelledby={`${labelId} ${textId}`}
        value={row?.id ?? (idea.owner ? 'former-owner' : '')}
        disabled={busy}
        onChange={(_e, d) => {
          if (d.value === 'former-owner') return;
          void change(d.value ? { participantId: d.value } : null, (saved) =>
            saved.owner ? t('tab.sidePanel.ideas.ownerSet', { name: saved.owner.name, text: idea.text }) : t('tab.sidePanel.ideas.ownerRemoved', { text: idea.text }),
          );
        }}
      >
        <option value="">{t('tab.sidePanel.ideas.owner.none')}</option>
        {idea.owner && !row && <option value="former-owner">{idea.owner.name}</option>}
        <NameOptions participants={participants} />
      </Select>
    );
  } else if (!idea.owner && mine && canContribute(plan.role)) {
    control = (
      <Button
        size="small"
        disabledFocusable={busy}
        aria-label={t('tab.sidePanel.ideas.takeLabel', { text: idea.text })}
        onClick={() => void change({ participantId: mine }, () => t('tab.sidePanel.ideas.taken', { text: idea.text }))}
      >
        {t('tab.sidePanel.ideas.take')}
      </Button>
    );
  }

  return (
    <li className={styles.idea} data-testid="side-panel-idea">
      <p id={textId} className={styles.text}>
        {idea.text}
      </p>
      <div className={styles.owner}>
        {canEdit && <span id={labelId}>{t('tab.sidePanel.ideas.ownerLabel')}</span>}
        {!canEdit && <span>{idea.owner ? t('tab.sidePanel.ideas.ownerIs', { name: idea.owner.name }) : t('tab.sidePanel.ideas.noOwner')}</span>}
        {control}
        {busy && <Spinner size="tiny" label={t('tab.planner.saving')} />}
      </div>
    </li>
  );
}

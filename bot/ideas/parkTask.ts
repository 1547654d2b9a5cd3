import { t, type Locale } from '../i18n';
import type { Meeting, NetworkAggregate } from '../domain/model';
import { MAX } from '../domain/limits';
import { canContribute, canEditPlan, participantOf, roleOf, type PersonChoice } from '../domain/access';
import { formatDate } from '../domain/dates';
import { meetingLabel, orderMeetings } from '../domain/labels';
import { meetingEndsAt, meetingStartsAt, nextMeeting } from '../domain/series';
import { networkLocale } from '../domain/network';
import { messageBodyText } from '../domain/html';
import { adaptiveCard, CARD_CONTENT_TYPE, fact, heading, text, plainLabel, type AdaptiveCard, type CardElement } from '../cards/shared';
import { networksOf } from '../actions/commands';
import { loadForMember, refuse, stringField, withRetry } from '../actions/load';
import { committed, operationContext } from '../actions/perform';
import type { ActionServices, CardActor } from '../actions/types';
import { IDEA_TEXT_INPUT_ID } from './card';
import { noticeOf } from './cardActions';
import { raiseIdea } from './operations';
import { StoreError } from '../storage/errors';

// "Parkér som idé" on any message (a message extension action command, `parkIdea`): Teams asks for a dialog
// (composeExtension/fetchTask) and the dialog is this adaptive card — the message's text to edit, the network
// (the channel's own when it is linked to one), the meeting, an optional owner. Its submit
// (composeExtension/submitAction) stores the idea through the same operation as the idea lot card and the tab,
// so the posted lot card follows through the scheduler. A refusal answers the dialog again, with the reason
// and what was typed. No botbuilder here: bot/teams/bot.ts reads the activity and sends the answer.

export const PARK_COMMAND_ID = 'parkIdea';
/** In the submit's data: which network the dialog showed meetings and owners for (none while choosing). */
const SHOWN = 'shownNetworkId';
const NETWORK_INPUT = 'networkId';
const MEETING_INPUT = 'meetingId';
const OWNER_INPUT = 'ownerChoice';
const NONE = 'none';
const ME = 'me';
const PARTICIPANT = 'participant:';

export interface ParkTaskInput {
  actor: CardActor;
  /** The person's Teams language: the dialog's until it is about one network, then the network's. */
  locale: Locale;
  /** The channel the message is in, when it is in one: its linked network is chosen at once. */
  channelId?: string;
  /** `messagePayload.body` of the message the action was started on (none from the compose box). */
  messageBody?: { contentType?: unknown; content?: unknown };
  /** The dialog's inputs and its button's data, as Teams sends them on submit. */
  data?: Record<string, unknown>;
}

/** What the invoke is answered with: a dialog (again), or a line Teams shows as the dialog closes. */
export type TaskAnswer =
  | { task: { type: 'continue'; value: { title: string; width: 'small' | 'medium' | 'large'; height: 'small' | 'medium' | 'large'; card: { contentType: string; content: AdaptiveCard } } } }
  | { task: { type: 'message'; value: string } };

/** What the person has typed or chosen so far: kept in every dialog answered again. */
interface Typed {
  text: string;
  networkId?: string;
  meetingId?: string;
  owner?: string;
}

const message = (value: string): TaskAnswer => ({ task: { type: 'message', value } });

function dialog(locale: Locale, card: AdaptiveCard, height: 'small' | 'medium' | 'large' = 'large'): TaskAnswer {
  return { task: { type: 'continue', value: { title: t(locale, 'park.title'), width: 'medium', height, card: { contentType: CARD_CONTENT_TYPE, content: card } } } };
}

/** The dialog Teams opens from a message's "…" menu (or the compose box): the message's text ready to park. */
export async function parkTaskFetch(input: ParkTaskInput, services: ActionServices): Promise<TaskAnswer> {
  const typed: Typed = { text: messageBodyText(input.messageBody, MAX.medium) };
  return unlessStoreFails(input, () => dialogFor(input, services, typed, { fetching: true }));
}

/** Storage not answering: said in words as the dialog closes (nothing was stored). */
async function unlessStoreFails(input: ParkTaskInput, run: () => Promise<TaskAnswer>): Promise<TaskAnswer> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof StoreError) return message(t(input.locale, 'action.unavailable'));
    throw error;
  }
}

/** The dialog's button: park the idea, or (network changed, refused) the dialog again with what was typed. */
export function parkTaskSubmit(input: ParkTaskInput, services: ActionServices): Promise<TaskAnswer> {
  return unlessStoreFails(input, () => submitted(input, services));
}

async function submitted(input: ParkTaskInput, services: ActionServices): Promise<TaskAnswer> {
  const data = input.data ?? {};
  const chosen = (name: string) => {
    const value = stringField(data, name).trim();
    return value && value !== NONE ? value : undefined;
  };
  // The text goes to the operation as typed (its schema cleans it and holds it to the idea's length, as from the
  // tab); a dialog answered again shows it back, only a runaway cut.
  const typedText = stringField(data, IDEA_TEXT_INPUT_ID);
  const typed: Typed = { text: typedText.slice(0, MAX.medium * 2), networkId: chosen(NETWORK_INPUT) ?? chosen(SHOWN), meetingId: chosen(MEETING_INPUT), owner: chosen(OWNER_INPUT) };
  if (!typed.networkId) return dialogFor(input, services, typed, { notice: t(input.locale, 'park.networkRequired') });
  // Another network than the one whose meetings and people were offered: offer that one's, nothing stored yet.
  if (typed.networkId !== chosen(SHOWN)) return dialogFor(input, services, { text: typed.text, networkId: typed.networkId }, { changed: true });

  let parked: string | undefined;
  const cardInput = { verb: 'park.submit', data: { networkId: typed.networkId }, actor: input.actor, locale: input.locale };
  const answer = await withRetry(cardInput, async () => {
    // The one door to a network's data: only someone in it gets further.
    const loaded = await loadForMember(cardInput, services);
    const locale = networkLocale(loaded.aggregate.network);
    const ctx = operationContext({ ...cardInput, locale }, loaded, services);
    const outcome = raiseIdea(ctx, { text: typedText, meetingId: typed.meetingId, ...(typed.owner ? { owner: ownerChoice(typed.owner, input.actor) } : {}) });
    if (!outcome.ok) throw refuse(noticeOf(locale, outcome));
    await committed({ ...cardInput, locale }, loaded, services, outcome);
    const network = loaded.aggregate.network.name;
    parked = outcome.value.owner
      ? t(locale, 'park.parkedWithOwner', { network, owner: outcome.value.owner.name })
      : t(locale, 'park.parked', { network });
    return { text: parked };
  });
  if (parked) return message(parked);
  return dialogFor(input, services, typed, { notice: 'text' in answer ? answer.text : undefined });
}

/** The owner as the operation takes it: the person themselves, or (leaders) a participant by row. */
function ownerChoice(value: string, actor: CardActor): PersonChoice {
  if (value === ME) return { userId: actor.aadObjectId ?? '' };
  // Anything else names a participant row; one the network does not have is refused by the operation.
  return { participantId: value.startsWith(PARTICIPANT) ? value.slice(PARTICIPANT.length) : value };
}

interface DialogOptions {
  notice?: string;
  /** The person chose another network: say that its meetings and people are offered now. */
  changed?: boolean;
  /** The first dialog: someone in no network learns that, and nothing else. */
  fetching?: boolean;
}

async function dialogFor(input: ParkTaskInput, services: ActionServices, typed: Typed, options: DialogOptions): Promise<TaskAnswer> {
  const { mine } = await networksOf({ actor: input.actor, locale: input.locale, channelId: input.channelId }, services);
  const me = { userId: input.actor.aadObjectId ?? '' };
  const open = mine.filter((aggregate) => canContribute(roleOf(aggregate, me)));
  if (open.length === 0) {
    const why = t(input.locale, mine.length ? 'park.cannotContribute' : 'park.notMember');
    return dialog(input.locale, noPlaceCard(input.locale, why, options.fetching ? undefined : typed.text), 'small');
  }
  const wanted = typed.networkId ? open.find((a) => a.network.id === typed.networkId) : undefined;
  // A network chosen that is not (or no longer) theirs: said in words, and the dialog offers what they have.
  const shown =
    wanted ?? open.find((a) => !!input.channelId && a.network.channelId === input.channelId) ?? (open.length === 1 ? open[0] : undefined);
  const locale = shown ? networkLocale(shown.network) : input.locale;
  const gone = typed.networkId && !wanted ? t(locale, 'action.networkGone') : undefined;
  const notice = options.notice ?? gone ?? (options.changed && shown ? t(locale, 'park.networkChanged', { network: shown.network.name }) : undefined);
  return dialog(locale, parkCard({ locale, networks: open, shown, typed, notice, actor: input.actor, now: services.now() }));
}

/** Someone with no parking lot to park on: why, in words, and their text so nothing typed is lost. */
function noPlaceCard(locale: Locale, why: string, typedText?: string): AdaptiveCard {
  return adaptiveCard([
    heading(t(locale, 'park.title'), 'medium'),
    text(why, { color: 'attention' }),
    ...(typedText ? [text(t(locale, 'park.yourText', { text: typedText }), { isSubtle: true })] : []),
  ]);
}

interface ParkCardInput {
  locale: Locale;
  /** The networks the person may park ideas in. */
  networks: readonly NetworkAggregate[];
  /** The network whose meetings and people are offered; none while the person chooses among several. */
  shown?: NetworkAggregate;
  typed: Typed;
  notice?: string;
  actor: CardActor;
  now: Date;
}

/** The dialog: the idea's text, the network, the meeting, the owner and the button. Built here and only here. */
export function parkCard({ locale, networks, shown, typed, notice, actor, now }: ParkCardInput): AdaptiveCard {
  const body: CardElement[] = [
    heading(t(locale, 'park.title'), 'medium'),
    text(t(locale, 'park.intro'), { isSubtle: true }),
    ...(notice ? [text(notice, { color: 'attention', weight: 'bolder' })] : []),
    {
      type: 'Input.Text',
      id: IDEA_TEXT_INPUT_ID,
      label: t(locale, 'park.text'),
      value: typed.text,
      isMultiline: true,
      maxLength: MAX.medium,
      isRequired: true,
      errorMessage: t(locale, 'park.textRequired'),
    },
  ];
  if (networks.length > 1) {
    if (!shown) body.push(text(t(locale, 'park.chooseNetwork', { count: networks.length }), { isSubtle: true }));
    body.push({
      type: 'Input.ChoiceSet',
      id: NETWORK_INPUT,
      label: t(locale, 'park.network'),
      style: 'compact',
      isRequired: true,
      errorMessage: t(locale, 'park.networkRequired'),
      ...(shown ? { value: shown.network.id } : {}),
      choices: networks.map((a) => ({ title: plainLabel(a.network.name), value: a.network.id })),
    });
  } else if (shown) {
    body.push(fact(t(locale, 'park.network'), shown.network.name));
  }
  if (shown) body.push(meetingChoice(locale, shown, typed, now), ownerChoiceSet(locale, shown, typed, actor));
  const submit = {
    type: 'Action.Submit',
    title: t(locale, shown ? 'park.submit' : 'park.next'),
    style: 'positive',
    data: { verb: 'park.submit', ...(shown ? { [SHOWN]: shown.network.id } : {}) },
  };
  return adaptiveCard(body, [submit]);
}

/** The meeting the idea most likely came from: the one going on, else the last one held, else the next. */
export function meetingAtHand(meetings: readonly Meeting[], now: Date): Meeting | undefined {
  const ordered = orderMeetings(meetings);
  const ongoing = ordered.find((m) => meetingStartsAt(m) <= now && now < meetingEndsAt(m));
  return ongoing ?? ordered.filter((m) => meetingEndsAt(m) <= now).at(-1) ?? nextMeeting(meetings, now);
}

function meetingChoice(locale: Locale, { meetings, network }: NetworkAggregate, typed: Typed, now: Date): CardElement {
  const ordered = orderMeetings(meetings);
  const kept = typed.networkId === network.id && ordered.some((m) => m.id === typed.meetingId) ? typed.meetingId : undefined;
  const value = kept ?? meetingAtHand(meetings, now)?.id ?? NONE;
  return {
    type: 'Input.ChoiceSet',
    id: MEETING_INPUT,
    label: t(locale, 'park.meeting'),
    style: 'compact',
    value,
    choices: [
      { title: t(locale, 'park.noMeeting'), value: NONE },
      ...ordered.map((m) => ({ title: plainLabel(`${meetingLabel(m, meetings, locale)} · ${formatDate(m.date)}${m.title ? ` · ${m.title}` : ''}`), value: m.id })),
    ],
  };
}

/** Anyone may make themselves the owner; the leaders may choose any participant (as the operation allows). */
function ownerChoiceSet(locale: Locale, aggregate: NetworkAggregate, typed: Typed, actor: CardActor): CardElement {
  const me = { userId: actor.aadObjectId ?? '' };
  const ownRow = participantOf(aggregate, me)?.id;
  const others = canEditPlan(roleOf(aggregate, me))
    ? [...aggregate.participants].filter((p) => p.id !== ownRow).sort((a, b) => a.name.localeCompare(b.name, 'da'))
    : [];
  const choices = [
    { title: t(locale, 'park.noOwner'), value: NONE },
    { title: t(locale, 'park.me'), value: ME },
    ...others.map((p) => ({ title: plainLabel(p.name), value: `${PARTICIPANT}${p.id}` })),
  ];
  const kept = typed.networkId === aggregate.network.id && choices.some((c) => c.value === typed.owner) ? typed.owner : undefined;
  return { type: 'Input.ChoiceSet', id: OWNER_INPUT, label: t(locale, 'park.owner'), style: 'compact', value: kept ?? NONE, choices };
}

/** An action command the app does not (or no longer) declare: said, never silence. */
export const unknownCommand = (locale: Locale): TaskAnswer => message(t(locale, 'park.unknownCommand'));

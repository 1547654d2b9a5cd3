import { t, type Locale } from '../i18n';
import type { Meeting, Network, NetworkAggregate, Participant, Reflection, Subtheme } from '../domain/model';
import { formatDate } from '../domain/dates';
import { MAX } from '../domain/schemas';
import { defaultReflectionQuestions, meetingLabel } from '../domain/labels';
import { subthemeOf } from '../domain/network';
import { adaptiveCard, clean, execute, heading, openUrl, plainLabel, refreshWith, text, type CardElement } from '../cards/shared';
import { deepLink, type DeepLinkConfig } from '../domain/deepLink';

// "Individuel opsamling" (the handbook) in the participant's 1:1 chat. Answers are private to the
// participant and the network's leaders unless the participant shares them.

export const REFLECTION_VERBS = { save: 'reflection.save', edit: 'reflection.edit', refresh: 'reflection.refresh' } as const;

export interface ReflectionCardInput {
  network: Pick<Network, 'id' | 'name'>;
  meeting: Meeting;
  meetings: readonly Meeting[];
  subtheme?: Pick<Subtheme, 'title'>;
  questions: readonly string[];
  reflection?: Pick<Reflection, 'answers' | 'shared' | 'submittedAt'>;
  /** form: answer or edit; answered: read back with an edit button; closed: the leader closed the meeting. */
  mode: 'form' | 'answered' | 'closed';
  locale: Locale;
  /** The participant's Teams user id, so Teams fetches a fresh card whenever they open it. */
  refreshUserIds?: readonly string[];
  /** Shown above the questions: a reminder, or why the last answer was not saved. */
  notice?: { text: string; color?: 'attention' | 'accent' };
  /** Link to the meeting's reflections in the plan (bot/domain/deepLink.ts), when the app can make one. */
  planUrl?: string;
}

export const answerInputId = (index: number) => `answer${index}`;
export const SHARED_INPUT_ID = 'shared';

export function buildReflectionCard(input: ReflectionCardInput): ReturnType<typeof adaptiveCard> {
  const { meeting, locale } = input;
  const data = { networkId: input.network.id, meetingId: meeting.id };
  const label = meetingLabel(meeting, input.meetings, locale);
  const body: CardElement[] = [
    text(`${t(locale, 'card.reflection.title')} · ${input.network.name}`, { isSubtle: true, weight: 'bolder' }),
    heading(input.subtheme ? `${label}: ${input.subtheme.title}` : label),
    text(formatDate(meeting.date), { isSubtle: true }, { spacing: 'none' }),
    ...(input.notice ? [text(input.notice.text, { color: input.notice.color ?? 'accent', weight: 'bolder' })] : []),
    ...(input.mode === 'form' ? form(input) : readBack(input)),
  ];
  const actions =
    input.mode === 'form'
      ? [execute(REFLECTION_VERBS.save, t(locale, 'card.reflection.save'), data, { style: 'positive' })]
      : input.mode === 'answered'
        ? [execute(REFLECTION_VERBS.edit, t(locale, 'card.reflection.edit'), data)]
        : [];
  return adaptiveCard(body, [...actions, ...openUrl(t(locale, 'card.link.reflections'), input.planUrl)], refreshWith(REFLECTION_VERBS.refresh, data, input.refreshUserIds));
}

function form({ questions, reflection, locale }: ReflectionCardInput): CardElement[] {
  const previous = (question: string, index: number) =>
    reflection?.answers.find((a) => a.question === question)?.answer ?? reflection?.answers[index]?.answer ?? '';
  return [
    text(t(locale, 'card.reflection.privacy'), { isSubtle: true }),
    ...questions.flatMap((question, index): CardElement[] => [
      {
        type: 'Input.Text',
        id: answerInputId(index),
        label: plainLabel(question),
        isMultiline: true,
        maxLength: MAX.long,
        value: clean(previous(question, index), MAX.long),
      },
    ]),
    {
      type: 'Input.Toggle',
      id: SHARED_INPUT_ID,
      title: t(locale, 'card.reflection.share'),
      value: reflection?.shared ? 'true' : 'false',
      valueOn: 'true',
      valueOff: 'false',
    },
  ];
}

function readBack({ reflection, questions, mode, locale }: ReflectionCardInput): CardElement[] {
  const answers = reflection?.answers ?? questions.map((question) => ({ question, answer: '' }));
  const status = !reflection
    ? t(locale, 'card.reflection.notAnswered')
    : reflection.shared
      ? t(locale, 'card.reflection.sharedStatus')
      : t(locale, 'card.reflection.privateStatus');
  return [
    text(status, { color: reflection ? 'good' : 'warning', weight: 'bolder' }),
    ...answers.flatMap(({ question, answer }): CardElement[] => [
      text(question, { weight: 'bolder' }, { separator: true }),
      text(answer || t(locale, 'card.reflection.blank'), { isSubtle: !answer }),
    ]),
    ...(mode === 'closed' ? [text(t(locale, 'card.reflection.closed'), { isSubtle: true })] : []),
  ];
}

/** The questions a meeting asks: its own, else the defaults in the given language. */
export const reflectionQuestionsOf = (meeting: Meeting, locale: Locale): string[] =>
  meeting.reflectionQuestions.length ? meeting.reflectionQuestions : defaultReflectionQuestions(locale);

export interface ReflectionView {
  locale: Locale;
  /** Show the form even when an answer exists (the participant pressed "edit"). */
  editing?: boolean;
  refreshUserIds?: readonly string[];
  notice?: ReflectionCardInput['notice'];
  /** What the link to the meeting in the plan is made with; none: no link. */
  links?: DeepLinkConfig;
}

/** A participant's reflection card from the network's stored state: what is sent and what a press answers with. */
export function reflectionCardFor(aggregate: NetworkAggregate, meeting: Meeting, participant: Participant, view: ReflectionView) {
  const reflection = aggregate.reflections.find((r) => r.meetingId === meeting.id && r.participantId === participant.id);
  const mode = meeting.closedAt ? 'closed' : !reflection || view.editing ? 'form' : 'answered';
  return buildReflectionCard({
    network: aggregate.network,
    meeting,
    meetings: aggregate.meetings,
    subtheme: subthemeOf(aggregate, meeting),
    questions: reflectionQuestionsOf(meeting, view.locale),
    reflection,
    mode,
    locale: view.locale,
    refreshUserIds: view.refreshUserIds,
    notice: view.notice,
    // The leaders see who answered (Refleksioner); everybody else lands on the meeting's summary (the tab's choice).
    planUrl: deepLink(view.links, aggregate.network, { section: 'reflections', meetingId: meeting.id }),
  });
}

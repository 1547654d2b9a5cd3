import type { z } from 'zod';
import type { NetworkAggregate } from '../../bot/domain/model';
import { checkNetworkRules } from '../../bot/domain/rules';
import * as schemas from '../../bot/domain/schemas';
import { localizeIssues, parseInput } from '../../bot/domain/validate';
import { memberKeys } from '../../bot/domain/access';
import type { RowChange } from '../../bot/storage/networkStore';
import { rowKeyOf } from '../../bot/storage/rows';
import { socialEconomyExample, SOCIAL_ECONOMY_ID } from './socialEconomy';
import { welfareExample, WELFARE_ID } from './welfare';

// The example networks as pure data, and how they become rows: no storage here, so a test can use it.

export { SOCIAL_ECONOMY_ID, WELFARE_ID, socialEconomyExample, welfareExample };
export const EXAMPLE_IDS = [SOCIAL_ECONOMY_ID, WELFARE_ID] as const;

/** Both example networks, with dates relative to `now`. */
export function buildExamples(now: Date): NetworkAggregate[] {
  return [socialEconomyExample(now), welfareExample(now)];
}

/**
 * Every row of the network, written the way the API writes them (same kinds, keys and member index
 * rows). The network row comes last: until it is written, a half-seeded network is invisible.
 */
export function exampleRows(aggregate: NetworkAggregate): RowChange[] {
  const row = (kind: RowChange['kind'], value: object, ids: string[] = []): RowChange => ({ op: 'upsert', kind, ids, value });
  const rows: RowChange[] = [
    ...(aggregate.phasePlan ? [row('phases', aggregate.phasePlan)] : []),
    ...(aggregate.theme ? [row('theme', aggregate.theme)] : []),
    ...aggregate.themeRevisions.map((r) => row('themeRevision', r, [String(r.revision).padStart(6, '0')])),
    ...aggregate.subthemes.map((s) => row('subtheme', s, [s.id])),
    ...aggregate.participants.flatMap((p) => [
      row('participant', p, [p.id]),
      ...memberKeys(p).map((key) => row('member', { participantId: p.id }, [key])),
    ]),
    ...aggregate.meetings.map((m) => row('meeting', m, [m.id])),
    ...aggregate.assignments.map((a) => row('assignment', a, [a.meetingId, a.participantId])),
    ...aggregate.agendas.map((a) => row('agenda', a, [a.meetingId])),
    ...aggregate.summaries.map((s) => row('summary', s, [s.meetingId])),
    ...aggregate.reflections.map((r) => row('reflection', r, [r.meetingId, r.participantId])),
    ...aggregate.ideas.map((i) => row('idea', i, [i.id])),
    ...aggregate.analysisCategories.map((c) => row('analysisCategory', c, [c.id])),
    ...aggregate.analysisNotes.map((n) => row('analysisNote', n, [n.id])),
    ...(aggregate.delivery ? [row('delivery', aggregate.delivery)] : []),
    row('network', aggregate.network),
  ];
  const keys = rows.map((r) => rowKeyOf(r.kind, r.ids));
  const twice = keys.filter((key, i) => keys.indexOf(key) !== i);
  if (twice.length) throw new Error(`Example ${aggregate.network.id} has two rows with the same key: ${twice.join(', ')}`);
  return rows;
}

const pick = <T extends object, K extends keyof T>(value: T, keys: K[]): Pick<T, K> =>
  Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]])) as Pick<T, K>;

/**
 * What is wrong with an example, in Danish, as `path: message`: the network's rules (checkNetworkRules,
 * what the API answers 422 for) and every entity checked against the schema the API accepts it with.
 */
export function exampleProblems(aggregate: NetworkAggregate): string[] {
  const problems: string[] = localizeIssues(checkNetworkRules(aggregate), 'da').map((i) => `${i.path}: ${i.message}`);
  const check = (where: string, schema: z.ZodType, input: unknown) => {
    const parsed = parseInput(schema, input);
    if (!parsed.ok) problems.push(...localizeIssues(parsed.issues, 'da').map((i) => `${where}${i.path ? `.${i.path}` : ''}: ${i.message}`));
  };
  const { network } = aggregate;
  check('network', schemas.networkCreateSchema, pick(network, ['name', 'type', 'theme', 'startDate', 'endDate', 'status', 'coDriver', 'referenceLeader', 'teamId', 'channelId', 'locale']));
  check('network.leader', schemas.personRefSchema, network.leader);
  if (aggregate.theme) {
    const { etag: _e, updatedAt: _u, updatedBy: _b, ...unfolding } = aggregate.theme;
    check('theme', schemas.themeUnfoldingSaveSchema, { theme: network.theme, ...unfolding });
  }
  for (const s of aggregate.subthemes) check(`subthemes.${s.id}`, schemas.subthemeCreateSchema, pick(s, ['title', 'description', 'order']));
  for (const p of aggregate.participants) {
    check(`participants.${p.id}`, schemas.participantCreateSchema, pick(p, ['name', 'kind', 'role', 'unit', 'email', 'userId', 'competenceAreas', 'customCompetences']));
  }
  for (const m of aggregate.meetings) {
    check(`meetings.${m.id}`, schemas.meetingCreateSchema, pick(m, ['number', 'closing', 'subthemeId', 'title', 'date', 'start', 'end', 'location', 'online', 'purpose', 'preparation', 'reflectionQuestions']));
  }
  for (const a of aggregate.assignments) {
    check(`assignments.${a.meetingId}:${a.participantId}`, schemas.assignmentUpsertSchema, pick(a, ['meetingId', 'participantId', 'contribution', 'involvementForm']));
  }
  for (const a of aggregate.agendas) check(`agendas.${a.meetingId}`, schemas.agendaSaveSchema, pick(a, ['items', 'daysBeforeToPost']));
  for (const s of aggregate.summaries) {
    check(`summaries.${s.meetingId}`, schemas.summarySaveSchema, pick(s, ['themeAndPotentials', 'statementsAndKnowledge', 'contactsForKnowledge', 'potentials', 'keyLearningPoints', 'waysToUseLearning']));
  }
  for (const r of aggregate.reflections) check(`reflections.${r.meetingId}:${r.participantId}`, schemas.reflectionSaveSchema, pick(r, ['answers', 'shared']));
  for (const i of aggregate.ideas) {
    check(`ideas.${i.id}`, schemas.ideaCreateSchema, pick(i, ['text', 'meetingId', 'owner', 'status']));
    check(`ideas.${i.id}.raisedBy`, schemas.personRefSchema, i.raisedBy);
  }
  if (aggregate.phasePlan) check('phasePlan', schemas.phasePlanSaveSchema, { steps: aggregate.phasePlan.steps });
  const ids = (kind: string, list: { id: string }[]) => {
    for (const id of list.map((x) => x.id)) {
      const parsed = parseInput(schemas.idSchema, id);
      if (!parsed.ok) problems.push(`${kind}.${id}: not a valid id`);
    }
  };
  ids('subthemes', aggregate.subthemes);
  ids('participants', aggregate.participants);
  ids('meetings', aggregate.meetings);
  ids('ideas', aggregate.ideas);
  return problems;
}

import type { AnalysisNote, Assignment, Idea, NetworkAggregate, Participant, PersonalInvitation, Reflection } from '../domain/model';
import { rowsOfAggregate, type AggregateRow } from '../storage/rows';
import { isSubject, namesOf, participantsOf, rolesOf, type DataSubject, type SubjectRole } from './person';

// Everything one network holds about a person (GDPR art. 15 and 20), as plain JSON.

export interface NetworkPersonalData {
  networkId: string;
  networkName: string;
  roles: SubjectRole[];
  participant: Participant[];
  assignments: Assignment[];
  /** Their own reflections, private ones included: the export goes to the person (or the DPO), never to others. */
  reflections: Reflection[];
  /** The invitations they were sent (text, how, when) and their answers. */
  invitations: PersonalInvitation[];
  ideasRaised: Idea[];
  ideasOwned: Idea[];
  analysisNotes: AnalysisNote[];
  /** Rows last changed under their name, and theme revisions they saved. */
  edits: { what: string; at?: string }[];
  /** Free text others wrote that names them: not changed by an erasure, listed for review. */
  mentions: { where: string; excerpt: string }[];
}

const unversioned = <T extends { etag?: string }>(value: T): Omit<T, 'etag'> => {
  const { etag: _etag, ...rest } = value;
  return rest;
};

export function personalDataIn(aggregate: NetworkAggregate, subject: DataSubject): NetworkPersonalData | undefined {
  const participants = participantsOf(aggregate, subject);
  const participantIds = new Set(participants.map((p) => p.id));
  const names = namesOf(aggregate, subject);
  const data: NetworkPersonalData = {
    networkId: aggregate.network.id,
    networkName: aggregate.network.name,
    roles: rolesOf(aggregate, subject),
    participant: participants.map(unversioned) as Participant[],
    assignments: aggregate.assignments.filter((a) => participantIds.has(a.participantId)).map(unversioned) as Assignment[],
    reflections: aggregate.reflections.filter((r) => participantIds.has(r.participantId)).map(unversioned) as Reflection[],
    invitations: (aggregate.invitations ?? []).filter((i) => participantIds.has(i.participantId)).map(unversioned) as PersonalInvitation[],
    ideasRaised: aggregate.ideas.filter((idea) => isSubject(subject, idea.raisedBy)).map(unversioned) as Idea[],
    ideasOwned: aggregate.ideas.filter((idea) => isSubject(subject, idea.owner)).map(unversioned) as Idea[],
    analysisNotes: aggregate.analysisNotes.filter((note) => isSubject(subject, note.author)).map(unversioned) as AnalysisNote[],
    edits: editsBy(aggregate, names),
    mentions: mentionsOf(aggregate, names),
  };
  const empty = !data.roles.length && !data.ideasRaised.length && !data.ideasOwned.length && !data.analysisNotes.length && !data.edits.length;
  return empty && !data.mentions.length ? undefined : data;
}

function editsBy(aggregate: NetworkAggregate, names: Set<string>): NetworkPersonalData['edits'] {
  const edits: NetworkPersonalData['edits'] = [];
  for (const row of rowsOfAggregate(aggregate)) {
    const revision = row.kind === 'themeRevision';
    const by = (revision ? row.value.savedBy : row.value.updatedBy) as string | undefined;
    if (by && names.has(by)) edits.push({ what: labelOf(row), at: (revision ? row.value.savedAt : row.value.updatedAt) as string | undefined });
  }
  return edits;
}

/** A row as a reader of the export recognises it. */
function labelOf({ kind, ids, value }: AggregateRow): string {
  if (kind === 'network' || kind === 'theme' || kind === 'delivery') return kind;
  if (kind === 'phases') return 'phasePlan';
  if (kind === 'subtheme' || kind === 'analysisCategory') return `${kind} ${value.title}`;
  if (kind === 'meeting') return `meeting ${value.number} ${value.title}`;
  if (kind === 'themeRevision') return `themeRevision ${value.revision}`;
  return `${kind} ${ids.join('/')}`;
}

const EXCERPT = 60;

function mentionsOf(aggregate: NetworkAggregate, names: Set<string>): NetworkPersonalData['mentions'] {
  const wanted = [...names].filter((name) => name.length >= 3).map((name) => name.toLowerCase());
  if (!wanted.length) return [];
  const mentions: NetworkPersonalData['mentions'] = [];
  const look = (where: string, text: string | undefined) => {
    if (!text) return;
    const lower = text.toLowerCase();
    for (const name of wanted) {
      const at = lower.indexOf(name);
      if (at >= 0) mentions.push({ where, excerpt: text.slice(Math.max(0, at - EXCERPT), at + name.length + EXCERPT) });
    }
  };
  for (const summary of aggregate.summaries) {
    const { meetingId, themeAndPotentials, statementsAndKnowledge, contactsForKnowledge, potentials, keyLearningPoints, waysToUseLearning } = summary;
    look(`summary ${meetingId}`, [themeAndPotentials, statementsAndKnowledge, contactsForKnowledge, potentials, keyLearningPoints, waysToUseLearning].join(' · '));
  }
  for (const agenda of aggregate.agendas) for (const item of agenda.items) look(`agenda ${agenda.meetingId}`, [item.content, item.process, item.purpose].join(' · '));
  for (const idea of aggregate.ideas) look(`idea ${idea.id}`, idea.text);
  for (const note of aggregate.analysisNotes) look(`analysisNote ${note.id}`, [note.text, note.pattern].join(' · '));
  if (aggregate.invitation) look('invitation', aggregate.invitation.text);
  for (const invitation of aggregate.invitations ?? []) look(`personalInvitation ${invitation.participantId}`, invitation.text);
  for (const assignment of aggregate.assignments) look(`assignment ${assignment.meetingId}/${assignment.participantId}`, assignment.contribution);
  for (const reflection of aggregate.reflections.filter((r) => r.shared)) look(`shared reflection ${reflection.meetingId}/${reflection.participantId}`, reflection.answers.map((a) => a.answer).join(' · '));
  if (aggregate.delivery) {
    const d = aggregate.delivery;
    look('delivery', [d.theme, d.knowledgeSummary, d.practiceChanges, d.other, ...d.recommendations.map((r) => r.text), ...d.dissemination.map((x) => x.who)].join(' · '));
  }
  return mentions;
}

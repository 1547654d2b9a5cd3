import { defaultPhasePlan } from '../../bot/domain/phases';
import type { Idea, NetworkAggregate, Network, Participant, PhasePlan, Subtheme, Summary, ThemeRevision, ThemeUnfolding, Versioned } from '../../bot/domain/model';
import { at, daysAfter, meeting, mondayOfThisWeek, plannerRows, reflection, stampOf } from './common';
import { devParticipant, devPerson, personOf, playgroundParticipant } from './people';

// A welfare network shaped like the handbook's week-by-week welfare example, the planned and executed week-by-week course: its 27 weeks,
// the 8-phase process plan in the seed's weeks with breaks and idea tests, and the five network meetings
// in the weeks the seed holds them: 7 (the first meeting with the core group: focusing), 10 and 11
// (discovery), 12 (the themes workshop) and 14 (the idea workshop). The seed's day numbers (15, 41, 48,
// 55, 68) do not fit its own weeks as days of a calendar, so the weeks decide; meetings 2-5 keep the
// seed's spacing of 7, 7 and 13 days. It started twelve weeks ago: four meetings are held, this is the
// seed's break in week 13, and the idea workshop is next week.

export const WELFARE_ID = 'example-welfare';

/** Seed 000's week column: the weeks each phase and break of the process takes. */
const SEED_000_WEEKS: Record<string, [number, number]> = {
  'process-1-qualify-theme': [1, 2],
  'process-break-1': [3, 4],
  'process-2-design': [5, 6],
  'process-3-focus': [7, 7],
  'process-break-2': [8, 9],
  'process-4-discovery': [10, 11],
  'process-5-themes': [12, 12],
  'process-break-3': [13, 13],
  'process-6-ideas': [14, 14],
  'process-break-4': [15, 16],
  'process-7-prioritise': [17, 18],
  'process-8-test-start': [19, 19],
  'process-8-test': [20, 24],
  'process-8-evaluate': [25, 27],
};
const SEED_000_PERIOD_WEEKS = 27;

const DAY = { monday: 0, tuesday: 1, wednesday: 2, friday: 4 } as const;

const THEME = 'Hvordan kan flere ældre, der bor alene, blive en del af et fællesskab tæt på hjemmet?';

export function welfareExample(now: Date): NetworkAggregate {
  const lene = devPerson('lene');
  const stamp = stampOf(now, lene.name);
  // Starting on a Monday, the seed's week n is the period's week n, Monday to Sunday.
  const startDate = daysAfter(mondayOfThisWeek(now), -12 * 7);
  const inWeek = (week: number, weekday: number) => daysAfter(startDate, (week - 1) * 7 + weekday);

  const network: Network = {
    id: WELFARE_ID,
    name: 'Fællesskaber for ældre i eget hjem',
    type: 'welfare',
    status: 'running',
    theme: THEME,
    startDate,
    endDate: inWeek(SEED_000_PERIOD_WEEKS, DAY.friday), // the delivery to Chefforum
    leader: lene,
    coDriver: devPerson('omar'),
    referenceLeader: devPerson('birgitte'),
    locale: 'da',
    createdAt: at(startDate),
    ...stamp,
  };

  const subthemes: Subtheme[] = [
    ['Opsporing: hvem er alene, og hvordan opdager vi det?', 'Hjemmeplejen og boligområdet ser de ældre, der trækker sig — hvordan bliver det til en invitation?'],
    ['Fællesskaber tæt på hjemmet', 'Fællesspisning, besøgsvenner og aktiviteter i boligområdet: hvad findes, og hvad mangler?'],
    ['Overgangen fra hjemmepleje til fællesskab', 'Det første skridt ud af døren: hvem følger med, og hvordan kommer man derhen?'],
  ].map(([title, description], i) => ({ id: `subtheme-${i + 1}`, title: title!, description: description!, order: i, ...stamp }));

  const participants: Participant[] = [
    devParticipant('helle', {
      id: 'p-helle', kind: 'core', role: 'manager', unit: 'SPO — Hjemmeplejen',
      competenceAreas: ['professionalExpertise'], customCompetences: ['Ledelse af hjemmeplejen'], ...stamp,
    }),
    devParticipant('jens', {
      id: 'p-jens', kind: 'core', role: 'employee', unit: 'ØS — Økonomi og Styring',
      competenceAreas: ['resourcesAndBacking', 'publicAdministrationFrameworks'], customCompetences: ['Økonomiske beregninger af forebyggelse'], ...stamp,
    }),
    {
      id: 'p-kirsten', name: 'Kirsten Vang', kind: 'core', role: 'employee', unit: 'Hjemmeplejen Nord, sygeplejerske', email: 'kirsten.vang@kommune.example',
      competenceAreas: ['professionalExpertise'], customCompetences: [], ...stamp,
    },
    {
      id: 'p-ahmed', name: 'Ahmed Yilmaz', kind: 'core', role: 'organisation', unit: 'Boligsocial helhedsplan, beboerrådgiver', email: 'ahmed.yilmaz@bolig.example',
      competenceAreas: ['externalPerspectives'], customCompetences: ['Beboerdemokrati og frivillige i boligområdet'], ...stamp,
    },
    {
      id: 'p-tina', name: 'Tina Friis', kind: 'core', role: 'employee', unit: 'Kultur og Fritid, Aktivitetscentret Bakkehuset', email: 'tina.friis@kommune.example',
      competenceAreas: ['professionalExpertise'], customCompetences: ['Aktivitetstilbud for ældre'], ...stamp,
    },
    {
      id: 'p-grete', name: 'Grete Pedersen', kind: 'along', role: 'citizen', unit: 'Borger, 84 år, bor alene og får hjemmehjælp',
      competenceAreas: ['externalPerspectives'], customCompetences: [], ...stamp,
    },
    {
      id: 'p-hanne', name: 'Hanne Krag', kind: 'along', role: 'other', unit: 'Projektleder for fællesspisning, Nabokommunen', email: 'hanne.krag@nabokommune.example',
      competenceAreas: ['externalPerspectives'], customCompetences: [], ...stamp,
    },
    {
      id: 'p-lars', name: 'Lars Bo', kind: 'along', role: 'organisation', unit: 'Koordinator, Frivilligcenteret', email: 'lars.bo@frivilligcenter.example',
      competenceAreas: ['externalPerspectives'], customCompetences: ['Rekruttering af frivillige'], ...stamp,
    },
    {
      id: 'p-bent', name: 'Bent Olsen', kind: 'along', role: 'politician', unit: 'Byrådsmedlem, formand for Ældre- og Sundhedsudvalget', email: 'bent.olsen@kommune.example',
      competenceAreas: ['resourcesAndBacking'], customCompetences: [], ...stamp,
    },
    // The Agents Playground's user, so "næste møde", "idéer" and "mine refleksioner" answer with cards there.
    playgroundParticipant({ unit: 'Hjemmeplejen Syd — testbruger i Agents Playground', competenceAreas: ['professionalExpertise'], customCompetences: [], ...stamp }),
  ];
  const byId = (id: string) => participants.find((p) => p.id === id)!;

  const [d1, d2, d3, d4, d5] = [inWeek(7, DAY.tuesday), inWeek(10, DAY.tuesday), inWeek(11, DAY.tuesday), inWeek(12, DAY.tuesday), inWeek(14, DAY.monday)];
  const m1 = meeting({
    id: 'meeting-1', number: 1, title: 'Første møde med kernegruppen: Hvad drømmer vi om at forandre?',
    date: d1!, start: '09:00', end: '12:00', location: 'Aktivitetscentret Bakkehuset', online: false,
    purpose: 'Vi lærer hinanden at kende, bidrager sammen til planlægningen af processen og fokuserer: Hvad drømmer vi om at forandre for ældre, der bor alene?',
    preparation: 'Tag en historie med om en ældre borger, der har fundet — eller ikke har fundet — et fællesskab.',
  }, stamp);
  const m2 = meeting({
    id: 'meeting-2', number: 2, subthemeId: 'subtheme-2', title: 'Opdagelse: deltagernes perspektiver og input fra en anden kommune',
    date: d2!, start: '13:00', end: '16:00', location: 'Rådhuset, mødelokale 210', online: false,
    purpose: 'Deltagernes perspektiver i spil, og Hanne Krag fortæller om fællesspisning i Nabokommunen. Vi aftaler feltarbejdet til næste gang.',
    preparation: 'Spis frokost med en hjemmeplejegruppe, eller besøg et aktivitetstilbud, og tag tre iagttagelser med.',
  }, stamp);
  const m3 = meeting({
    id: 'meeting-3', number: 3, subthemeId: 'subtheme-1', title: 'Opdagelse: borgernes stemme',
    date: d3!, start: '13:00', end: '16:00', location: 'Aktivitetscentret Bakkehuset', online: false,
    purpose: 'Input fra borgere: en lille fokusgruppe med Grete og to andre ældre, og brugerrejser fra hjemmeplejens besøg. Deltagerne hjælpes i gang med egne opdagelser.',
    preparation: 'Læs de to brugerrejser i kanalen.',
  }, stamp);
  const m4 = meeting({
    id: 'meeting-4', number: 4, title: 'Tematiseringsworkshop',
    date: d4!, start: '09:00', end: '12:00', location: 'Rådhuset, mødelokale 210', online: false,
    purpose: 'Vi samler det, vi har opdaget, under meningsfulde overskrifter og vælger de temaer, vi vil skabe idéer til.',
    preparation: 'Tag dine noter fra feltarbejdet med.',
  }, stamp);
  const m5 = meeting({
    id: 'meeting-5', number: 5, title: 'Idégenereringsworkshop',
    date: d5!, start: '09:00', end: '12:00', location: 'Aktivitetscentret Bakkehuset', online: false,
    purpose: 'Idéer med udgangspunkt i temaerne fra møde 4 — med Frivilligcenteret og udvalgsformanden. Datoen er foreløbig.',
    preparation: 'Tag én idé med, som du selv gerne vil prøve af.',
  }, stamp);
  const meetings = [m1, m2, m3, m4, m5];

  const assignments = [
    ...plannerRows(m1.id, [
      ['p-helle', 'Fortæller, hvad hjemmeplejen ser hos ældre, der bor alene', 'participant'],
      ['p-jens', 'Bidrager med tal: hvad koster ensomhed i pleje og sundhed?', 'participant'],
      ['p-kirsten', 'Erfaringer fra besøgene i hjemmet', 'participant'],
      ['p-alex', 'Erfaringer fra hjemmeplejen i den sydlige del af kommunen', 'participant'],
      ['p-ahmed', 'Perspektivet fra boligområdet', 'participant'],
      ['p-tina', 'Hvem kommer — og hvem kommer ikke — i aktivitetscentret', 'participant'],
    ], stamp),
    ...plannerRows(m2.id, [
      ['p-hanne', 'Oplæg: Fællesspisning i Nabokommunen — hvad virkede, og hvad gjorde ikke?', 'presentation'],
      ['p-helle', 'Iagttagelser fra frokost med en hjemmeplejegruppe', 'groupWork'],
      ['p-jens', 'Spørger ind til økonomien i Nabokommunens model', 'groupWork'],
      ['p-kirsten', 'Iagttagelser fra besøg i hjemmet', 'groupWork'],
      ['p-ahmed', 'Iagttagelser fra beboerhuset', 'groupWork'],
      ['p-tina', 'Iagttagelser fra aktivitetscentret', 'groupWork'],
    ], stamp),
    ...plannerRows(m3.id, [
      ['p-grete', 'Fortæller om sin hverdag, og hvad der får hende ud af døren', 'focusGroup'],
      ['p-kirsten', 'Faciliterer fokusgruppen sammen med Lene', 'workshopFacilitator'],
      ['p-helle', 'Præsenterer en brugerrejse fra hjemmeplejen', 'presentation'],
      ['p-tina', 'Lytter efter, hvad aktivitetscentret kunne gøre anderledes', 'focusGroup'],
      ['p-ahmed', 'Lytter efter, hvad boligområdet kunne gøre anderledes', 'focusGroup'],
      ['p-jens', 'Noterer, hvor borgernes oplevelser koster tid eller penge', 'focusGroup'],
    ], stamp),
    ...plannerRows(m4.id, [
      ['p-tina', 'Faciliterer tematiseringen sammen med Omar', 'workshopFacilitator'],
      ['p-helle', 'Bidrager med noter fra feltarbejdet', 'groupWork'],
      ['p-jens', 'Bidrager med noter fra feltarbejdet', 'groupWork'],
      ['p-kirsten', 'Bidrager med noter fra feltarbejdet', 'groupWork'],
      ['p-ahmed', 'Bidrager med noter fra feltarbejdet', 'groupWork'],
    ], stamp),
    ...plannerRows(m5.id, [
      ['p-helle', 'Idéer til hjemmeplejens rolle', 'workshopParticipant'],
      ['p-jens', 'Vurderer idéernes økonomiske potentiale', 'workshopParticipant'],
      ['p-kirsten', 'Idéer til opsporing ved besøgene', 'workshopParticipant'],
      ['p-ahmed', 'Idéer til fællesskaber i boligområdet', 'workshopParticipant'],
      ['p-tina', 'Idéer til aktivitetscentret', 'workshopParticipant'],
      ['p-lars', 'Hvad frivillige kan bære — og hvad de ikke kan', 'workshopParticipant'],
      ['p-bent', 'Lytter til idéerne og giver politisk opbakning til at teste dem', 'participant'],
    ], stamp),
  ];

  const summary = (meetingId: string, fields: Omit<Summary, 'meetingId' | keyof Versioned>): Summary => ({ meetingId, ...fields, ...stamp });
  const summaries = [
    summary(m1.id, {
      themeAndPotentials: 'Drømmen: at ingen ældre i kommunen er alene mod deres vilje.',
      statementsAndKnowledge: '• Hjemmeplejen ser ensomheden først, men har ikke tid til at gøre noget ved den.\n• Aktivitetscentret når dem, der i forvejen kommer ud.',
      contactsForKnowledge: 'Hanne Krag, Nabokommunen — fællesspisning.',
      potentials: '• Hjemmeplejens besøg som indgang til fællesskaber.',
      keyLearningPoints: 'Vi vil forandre overgangen fra at blive hjulpet hjemme til at være en del af noget.',
      waysToUseLearning: 'Alle spiser frokost med en hjemmeplejegruppe eller besøger et tilbud inden møde 2.',
    }),
    summary(m2.id, {
      themeAndPotentials: 'Fællesskaber tæt på hjemmet.',
      statementsAndKnowledge: '• Hanne: "Maden er ikke det vigtigste — det er, at nogen har spurgt dig."\n• Mange ældre kender ikke beboerhuset, selv om det ligger 200 meter væk.',
      contactsForKnowledge: 'Lars Bo, Frivilligcenteret.',
      potentials: '• Spisevenner.\n• Beboerhuset som mødested.',
      keyLearningPoints: 'Det personlige følgeskab første gang er afgørende.',
      waysToUseLearning: 'Kirsten og Helle forbereder brugerrejser til møde 3.',
    }),
    summary(m3.id, {
      themeAndPotentials: 'Opsporing: hvem er alene, og hvordan opdager vi det?',
      statementsAndKnowledge: '• Grete: "Jeg vil ikke til bingo. Jeg vil gerne have nogen at drikke kaffe med."\n• Brugerrejserne viser, at ingen spørger til ensomhed, efter at hjemmehjælpen er bevilget.',
      contactsForKnowledge: 'Grete Pedersen vil gerne være med igen.',
      potentials: '• Faste spørgsmål ved hjemmeplejens besøg.',
      keyLearningPoints: 'Ældre ønsker få, nære relationer frem for store arrangementer.',
      waysToUseLearning: 'Kirsten prøver tre spørgsmål af på sin rute.',
    }),
    summary(m4.id, {
      themeAndPotentials: 'Tre temaer: at blive set, at blive fulgt det første stykke, og små fællesskaber tæt på.',
      statementsAndKnowledge: '• Temaerne går igen i både borgernes og medarbejdernes fortællinger.',
      contactsForKnowledge: '',
      potentials: '• Idéer til alle tre temaer på næste møde.',
      keyLearningPoints: 'Vi skal skabe idéer til de tre temaer, ikke til ensomhed i almindelighed.',
      waysToUseLearning: 'Alle tager én idé med til idégenereringsworkshoppen.',
    }),
  ];

  const reflectedAt = at(m4.date, '12:00');
  const reflections = [
    reflection(m4, byId('p-helle'), [
      'At borgerne og mine medarbejdere peger på det samme: at blive fulgt det første stykke.',
      'At Grete hellere vil drikke kaffe med én end gå til et stort arrangement.',
      'Jeg vil lade hjemmeplejen prøve tre faste spørgsmål om ensomhed.',
      'Spisevenner — jeg er tovholder.',
    ], true, reflectedAt),
    reflection(m4, byId('p-jens'), [
      'At forebyggelse her er svær at regne på, men let at forstå.',
      'At ensomhed også koster i hjemmeplejen.',
      'Jeg vil lave et groft regnestykke til prioriteringen.',
      'Ingen nye idéer fra mig i dag.',
    ], false, reflectedAt),
  ];

  const idea = (id: string, text: string, meetingId: string, raisedBy: string, owner: string | undefined, status: Idea['status'], date: string): Idea => ({
    id, text, meetingId, raisedBy: personOf(byId(raisedBy)), ...(owner ? { owner: personOf(byId(owner)) } : {}), status, createdAt: at(date), ...stamp,
  });
  const ideas = [
    idea('idea-1', 'Spisevenner: frivillige spiser med ældre i hjemmet én gang om ugen', m2.id, 'p-hanne', 'p-helle', 'takenOn', m2.date),
    idea('idea-2', 'Tre faste spørgsmål om ensomhed ved hjemmeplejens besøg', m3.id, 'p-kirsten', 'p-kirsten', 'takenOn', m3.date),
    idea('idea-3', 'Fællesspisning i beboerhuset, hvor hjemmeplejen følger med første gang', m4.id, 'p-tina', 'p-ahmed', 'parked', m4.date),
    idea('idea-4', 'Kørsel til aktivitetscentret for dem, der ikke selv kan komme', m4.id, 'p-helle', undefined, 'parked', m4.date),
  ];

  const unfolding: Omit<ThemeUnfolding, keyof Versioned> = {
    whyInteresting: 'Flere ældre bor alene, og ensomhed øger risikoen for sygdom og tidligt behov for pleje.',
    challengeAndConsequences: 'Hjemmeplejen ser ensomheden, men har hverken tid eller tilbud at henvise til. De ældre bliver hjemme, og behovet for hjælp vokser.',
    potentialOrDream: 'At ingen ældre i kommunen er alene mod deres vilje.',
    valueForWhom: 'De ældre og deres pårørende; hjemmeplejen, der får noget at henvise til; boligområderne og foreningerne.',
    whereFelt: 'Hjemmeplejen, aktivitetscentrene, boligsociale indsatser og Frivilligcenteret.',
    subthemesApproach: 'Tre spor — opsporing, fællesskaber tæt på hjemmet og overgangen — der samles på tematiseringsworkshoppen.',
    contributors: 'Ledermøde i SPO, samtale med personalelederen og referencelederen, interviews med nøglepersoner og frokost med en hjemmeplejegruppe.',
    characteristics: {
      citizenWelfare: { met: true },
      currentChallenge: { met: true },
      crossCutting: { met: true, note: 'SPO, Kultur og Fritid, boligområderne og frivillige.' },
      complexity: { met: true },
      newLearning: { met: true },
      innovation: { met: true, note: 'Idéerne testes i hjemmeplejen.' },
      economicPotential: { met: true, note: 'Senere og mindre behov for pleje.' },
    },
  };
  const theme: ThemeUnfolding = { ...unfolding, updatedAt: at(inWeek(2, DAY.wednesday)), updatedBy: lene.name };
  const themeRevisions: ThemeRevision[] = [{ revision: 1, savedAt: theme.updatedAt!, savedBy: lene.name, theme: THEME, unfolding }];

  const phasePlan = { ...inSeedWeeks(defaultPhasePlan(network, 'da', meetings)), ...stamp };

  return {
    network, theme, themeRevisions, subthemes, participants, meetings, assignments, agendas: [], summaries,
    reflections, ideas, analysisCategories: [], analysisNotes: [], phasePlan, bookings: [],
  };
}

/**
 * The process plan with its phases and breaks in that example's weeks, whatever the default template would stretch
 * them to; Chefforum and the reference-leader meetings (between the network meetings) stay as the app plans them.
 */
function inSeedWeeks(plan: PhasePlan): Pick<PhasePlan, 'steps'> {
  const steps = plan.steps.map((step) => {
    if (step.kind !== 'phase' && step.kind !== 'break') return step;
    const weeks = SEED_000_WEEKS[step.id];
    if (!weeks) throw new Error(`Seed 000 gives no weeks for the step ${step.id}`);
    return { ...step, startWeek: weeks[0], endWeek: weeks[1] };
  });
  return { steps: steps.sort((a, b) => a.startWeek - b.startWeek || a.endWeek - b.endWeek) };
}

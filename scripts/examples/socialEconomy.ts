import { defaultEndDate, formatDate, weekIndexOf, weeksOfPeriod } from '../../bot/domain/dates';
import { defaultPhasePlan } from '../../bot/domain/phases';
import type {
  Agenda, AgendaItem, Idea, Meeting, Network, NetworkAggregate, Participant, PhasePlan, Subtheme, Summary, ThemeRevision, ThemeUnfolding, Versioned,
} from '../../bot/domain/model';
import { at, daysAfter, meeting, mondayOfThisWeek, plannerRows, reflection, stampOf } from './common';
import { devParticipant, devPerson, personOf, playgroundParticipant } from './people';

// The learning network of the handbook (the handbook): "Socialøkonomiske virksomheder". Its five example
// subthemes, its example course of meetings (welcome, jura and local examples with external speakers,
// the municipality's role and pitfalls, the rounding-off), the planning tool's example rows
// (Jens J., ØS / Helle H., SPO / Søren S., Borger) and an agenda for meeting 3 shaped like the
// handbook's "Eksempel på mødeplanlægning". It started three weeks ago; meeting 1 was last week.

export const SOCIAL_ECONOMY_ID = 'example-social-economy';

const THEME = 'Hvordan kan kommunen understøtte socialøkonomiske virksomheder?';

export function socialEconomyExample(now: Date): NetworkAggregate {
  const lene = devPerson('lene');
  const stamp = stampOf(now, lene.name);
  const startDate = daysAfter(mondayOfThisWeek(now), -21);
  const endDate = defaultEndDate(startDate);

  const network: Network = {
    id: SOCIAL_ECONOMY_ID,
    name: 'Socialøkonomiske virksomheder',
    type: 'learning',
    status: 'running',
    theme: THEME,
    startDate,
    endDate,
    leader: lene,
    coDriver: devPerson('omar'),
    referenceLeader: devPerson('birgitte'),
    locale: 'da',
    createdAt: at(daysAfter(startDate, -10)),
    ...stamp,
  };

  // "Eksempel på undertemaer i tema om Socialøkonomiske virksomheder"
  const subthemeRows: [string, string][] = [
    ['Hvilke typer af virksomheder findes der, og hvad er deres forudsætninger?', 'Vi kortlægger sammen, hvilke socialøkonomiske virksomheder vi kender, og hvad der kendetegner dem. Første møde.'],
    ['Hvad vil det sige, at en virksomhed er socialøkonomisk — jura, regler og muligheder?', 'Definitioner, registrering og de regler, kommunen skal holde sig inden for (udbud, statsstøtte). Ekstern oplægsholder på møde 2.'],
    ['Opstart af ny virksomhed — hvad skal der til?', 'En iværksætter fortæller om opstarten på møde 1; erhvervsservice fortæller, hvad kommunen tilbyder i dag.'],
    ['Hvilke eksempler findes der i lokalområdet, og hvad kan vi lære af dem?', 'Besøg i en lokal socialøkonomisk virksomhed på møde 4, hvor vi taler med ledelse, medarbejdere og en borger i fleksjob.'],
    ['Hvordan og med hvad kan vi som kommune understøtte eksisterende og nye socialøkonomiske virksomheder?', 'Tematiseret gruppesamtale på møde 3 med en case fra indkøb og en borger med i workshoppen. Hvilke faldgruber er der?'],
  ];
  const subthemes: Subtheme[] = subthemeRows.map(([title, description], i) => ({ id: `subtheme-${i + 1}`, title, description, order: i, ...stamp }));

  const participants: Participant[] = [
    devParticipant('jens', {
      id: 'p-jens', kind: 'core', role: 'employee', unit: 'ØS — Økonomi og Styring, indkøb',
      competenceAreas: ['publicAdministrationFrameworks', 'resourcesAndBacking'], customCompetences: ['Offentlige indkøb og sociale klausuler'], ...stamp,
    }),
    devParticipant('helle', {
      id: 'p-helle', kind: 'core', role: 'manager', unit: 'SPO — Social, Psykiatri og Omsorg',
      competenceAreas: ['professionalExpertise'], customCompetences: ['Beskyttet beskæftigelse'], ...stamp,
    }),
    {
      id: 'p-karin', name: 'Karin Møller', kind: 'core', role: 'employee', unit: 'Jobcenteret, virksomhedsservice', email: 'karin.moller@kommune.example',
      competenceAreas: ['professionalExpertise'], customCompetences: ['Virksomhedspraktik, løntilskud og fleksjob'], ...stamp,
    },
    {
      id: 'p-mads', name: 'Mads Nielsen', kind: 'core', role: 'employee', unit: 'Erhverv og Byudvikling, erhvervsservice', email: 'mads.nielsen@kommune.example',
      competenceAreas: ['resourcesAndBacking'], customCompetences: ['Iværksætterrådgivning'], ...stamp,
    },
    {
      id: 'p-anne', name: 'Anne Berg', kind: 'core', role: 'employee', unit: 'Juridisk Kontor', email: 'anne.berg@kommune.example',
      competenceAreas: ['publicAdministrationFrameworks'], customCompetences: ['Udbudsret og statsstøtte'], ...stamp,
    },
    {
      id: 'p-soeren', name: 'Søren Sørensen', kind: 'along', role: 'citizen', unit: 'Borger — ansat i fleksjob hos Kaffebrænderiet Fællesskab', email: 'soeren.soerensen@mail.example',
      competenceAreas: ['externalPerspectives'], customCompetences: [], ...stamp,
    },
    {
      id: 'p-maria', name: 'Maria Lund', kind: 'along', role: 'company', unit: 'Direktør, Kaffebrænderiet Fællesskab (socialøkonomisk virksomhed)', email: 'maria@kaffefaellesskab.example',
      competenceAreas: ['externalPerspectives'], customCompetences: ['Opstart og drift af en socialøkonomisk virksomhed'], ...stamp,
    },
    {
      id: 'p-peter', name: 'Peter Dahl', kind: 'along', role: 'researcher', unit: 'Forsker i socialøkonomi og civilsamfund, universitetet', email: 'peter.dahl@uni.example',
      competenceAreas: ['externalPerspectives', 'professionalExpertise'], customCompetences: [], ...stamp,
    },
    // The Agents Playground's user, so "næste møde", "idéer" and "mine refleksioner" answer with cards there.
    playgroundParticipant({ unit: 'Borgerservice — testbruger i Agents Playground', competenceAreas: ['professionalExpertise'], customCompetences: [], ...stamp }),
  ];
  const [jens, helle] = participants;

  // "Eksempel på forløb til generering af læring: Socialøkonomiske virksomheder", one subtheme per meeting.
  const m1 = meeting({
    id: 'meeting-1', number: 1, subthemeId: 'subtheme-1', title: 'Velkommen til netværket',
    date: daysAfter(startDate, 16), start: '09:00', end: '12:00', location: 'Rådhuset, mødelokale 129', online: false,
    purpose: 'Vi lærer hinanden og temaet at kende: Hvilke typer socialøkonomiske virksomheder findes der, og hvad er deres forudsætninger? Maria Lund fortæller, hvad der skulle til for at starte Kaffebrænderiet Fællesskab.',
    preparation: 'Tænk på én socialøkonomisk virksomhed, du kender eller har hørt om, og tag en genstand eller et billede med, der fortæller om den.',
  }, stamp);
  const m2 = meeting({
    id: 'meeting-2', number: 2, subthemeId: 'subtheme-2', title: 'Jura, regler og muligheder',
    date: daysAfter(startDate, 51), start: '09:00', end: '12:00', location: 'Rådhuset, mødelokale 129', online: false,
    purpose: 'Hvad vil det sige, at en virksomhed er socialøkonomisk? Vi får styr på definitioner og registrering og på de regler for udbud og støtte, kommunen skal holde sig inden for.',
    preparation: 'Læs det korte notat om registrerede socialøkonomiske virksomheder i kanalen, og skriv dine spørgsmål til Peter og Anne i kanalen senest dagen før.',
  }, stamp);
  const m3 = meeting({
    id: 'meeting-3', number: 3, subthemeId: 'subtheme-5', title: 'Hvordan kan kommunen understøtte socialøkonomiske virksomheder?',
    date: daysAfter(startDate, 79), start: '09:00', end: '12:00', location: 'Rådhuset, mødelokale 129', online: false,
    purpose: 'Hvordan og med hvem kan vi som kommune understøtte eksisterende og nye socialøkonomiske virksomheder — og hvilke faldgruber er der? Workshop med en borger.',
    preparation: 'Tal med én kollega eller samarbejdspartner om, hvad der har gjort det svært at samarbejde med en socialøkonomisk virksomhed, og tag historien med. Tag også en genstand med til præsentationsrunden.',
  }, stamp);
  const m4 = meeting({
    id: 'meeting-4', number: 4, subthemeId: 'subtheme-4', title: 'Besøg: Hvad kan vi lære af en lokal socialøkonomisk virksomhed?',
    date: daysAfter(startDate, 107), start: '13:00', end: '16:00', location: 'Kaffebrænderiet Fællesskab, Stationsvej 12', online: false,
    purpose: 'Vi ser en socialøkonomisk virksomhed indefra og taler med ledelse, medarbejdere og en borger i fleksjob om, hvad der virker, og hvad kommunen kunne gøre anderledes.',
    preparation: 'Forbered to spørgsmål til Maria og medarbejderne ud fra det, vi drøftede på møde 3.',
  }, stamp);
  const m5 = meeting({
    id: 'meeting-5', number: 5, closing: true, title: 'Afrunding: analyse og prioritering af handlemuligheder',
    date: daysAfter(startDate, 142), start: '09:00', end: '12:00', location: 'Rådhuset, mødelokale 129', online: false,
    purpose: 'Samlet opsamling af viden og prioritering af handlemuligheder ud fra den generelle viden. Vi analyserer materialet via kategorier og beslutter, hvad der skal præsenteres på Chefforum.',
    preparation: 'Læs opsamlingerne fra møde 1-4, og markér de tre pointer, du synes er vigtigst at give videre.',
  }, stamp);
  const meetings = [m1, m2, m3, m4, m5];

  // The planning tool: who contributes what, and how. Meeting 3 holds the handbook's example rows.
  const assignments = [
    ...plannerRows(m1.id, [
      ['p-jens', 'Fortæller, hvilke socialøkonomiske leverandører kommunen allerede køber hos', 'participant'],
      ['p-helle', 'Erfaringer med beskyttet beskæftigelse i SPO', 'participant'],
      ['p-karin', 'Overblik over borgere i praktik i socialøkonomiske virksomheder', 'participant'],
      ['p-alex', 'Fortæller, hvad borgerservice hører fra borgere i fleksjob og praktik', 'participant'],
      ['p-mads', 'Hvad erhvervsservice tilbyder iværksættere i dag', 'participant'],
      ['p-anne', 'Samler de juridiske spørgsmål, der skal med til møde 2', 'participant'],
      ['p-maria', 'Oplæg: Sådan startede vi Kaffebrænderiet Fællesskab', 'presentation'],
    ], stamp),
    ...plannerRows(m2.id, [
      ['p-peter', 'Oplæg: Hvad gør en virksomhed socialøkonomisk, og hvad betyder registreringen?', 'presentation'],
      ['p-anne', 'Oplæg: Hvad må kommunen — udbud, statsstøtte og sociale klausuler', 'presentation'],
      ['p-jens', 'Spørgsmål fra indkøb: hvornår kan vi stille sociale krav?', 'groupWork'],
      ['p-helle', 'Bidrager med SPO’s erfaringer med samarbejdsaftaler', 'groupWork'],
      ['p-karin', 'Bidrager med reglerne for praktik og løntilskud', 'groupWork'],
      ['p-mads', 'Bidrager med erhvervsservices erfaringer med nye virksomheder', 'groupWork'],
    ], stamp),
    ...plannerRows(m3.id, [
      ['p-jens', 'Oplæg om et indkøb af kantinedrift: hvor kunne sociale klausuler have gjort en forskel?', 'workshopFacilitator'],
      ['p-helle', 'Bidrager med viden om borgere på kanten af arbejdsmarkedet', 'workshopParticipant'],
      ['p-soeren', 'Modtager fleksjob; fortæller om vejen ind i en socialøkonomisk virksomhed', 'workshopParticipant'],
      ['p-karin', 'Bidrager med Jobcenterets samarbejde med virksomhederne', 'workshopParticipant'],
      ['p-mads', 'Bidrager med, hvad en fast indgang i erhvervsservice kunne være', 'workshopParticipant'],
      ['p-anne', 'Holder øje med juridiske faldgruber i forslagene', 'workshopParticipant'],
    ], stamp),
    ...plannerRows(m4.id, [
      ['p-maria', 'Viser rundt og fortæller om drift, økonomi og samarbejdet med kommunen', 'fieldVisit'],
      ['p-soeren', 'Fortæller om sin hverdag i caféen', 'interview'],
      ['p-jens', 'Spørger ind til, hvordan virksomheden byder på offentlige opgaver', 'fieldVisit'],
      ['p-helle', 'Spørger ind til samarbejdet om borgere fra SPO', 'fieldVisit'],
      ['p-karin', 'Spørger ind til praktikforløb og fastholdelse', 'fieldVisit'],
      ['p-mads', 'Spørger ind til opstarten og rådgivningen', 'fieldVisit'],
      ['p-anne', 'Noterer juridiske spørgsmål til analysen', 'fieldVisit'],
    ], stamp),
    ...plannerRows(m5.id, [
      ['p-mads', 'Faciliterer analysen af kategorien skjulte skatte', 'workshopFacilitator'],
      ['p-jens', 'Prioriterer handlemuligheder for indkøb', 'groupWork'],
      ['p-helle', 'Prioriterer handlemuligheder for beskæftigelse', 'groupWork'],
      ['p-karin', 'Bidrager til anbefalingerne til Chefforum', 'groupWork'],
      ['p-anne', 'Kvalificerer anbefalingerne juridisk', 'groupWork'],
    ], stamp),
  ];

  // "Eksempel på mødeplanlægning", Tid / Indhold / Proces / Formål-udbytte, for meeting 3.
  const item = (i: number, time: string, content: string, process: string, purpose: string): AgendaItem =>
    ({ id: `meeting-3-item-${String(i).padStart(2, '0')}`, time, content, process, purpose });
  const agenda: Agenda = {
    meetingId: m3.id,
    daysBeforeToPost: 7,
    items: [
      item(1, '08:30', 'Forberedelse', 'Praktisk og mental forberedelse. Hent morgenmad, indret lokalet, og find tuscher og flipover frem.', 'Jeg er klar og nærværende, når deltagerne kommer, og når mødet går i gang.'),
      item(2, '09:00', 'Velkommen og kort nyt siden sidst', 'Positiv og uformel tone. Alle bydes velkommen med kaffe og morgenmad. Rolig gennemgang af nyt siden sidst — også hvad vi tog med fra møde 2 om jura.', 'Alle føler sig velkomne og er opdateret på netværket.'),
      item(3, '09:08', 'Dagens program', 'Dagens program gennemgås kort i punktform.', 'Alle ved, hvad der skal ske de næste tre timer.'),
      item(4, '09:10', 'Præsentationsrunde', 'Vi står i en cirkel fri af bordet. Hver præsenterer sig ud fra den genstand, de har taget med. Søren er med for første gang.', 'Søren bliver en del af gruppen, og der kommer energi og godt humør i rummet, så vi er klar til at gå i gang.'),
      item(5, '09:25', 'Overgang: kort introduktion til tematiseret gruppesamtale', 'Jens præsenterer sin case kort, og vi tager de opklarende spørgsmål. Herefter er Jens ikke længere hovedperson — det er alles egne erfaringer og idéer, der skal i spil. Man rækker kun hånden op, hvis man vil skifte emne.', 'Forventningsafstemning om, hvordan vi samtaler. Alle inviteres til at bidrage med egne erfaringer.'),
      item(6, '09:30', 'Tematiseret gruppesamtale. Tema: Hvordan og med hvem kan vi som kommune understøtte socialøkonomiske virksomheder? Hvilke faldgruber er der?', 'Jens præsenterer sin case om indkøbet af kantinedrift (15 min.). Søren og Helle giver borgerens og fagets blik. Hurtige forståelsesspørgsmål — fokus på at fastholde samtaleformen og de generelle spørgsmål.', 'Jeg styrer samtalen, så alle får udbytte af drøftelsen, ikke kun den, der har casen.'),
      item(7, '10:25', 'Kort pause', 'Frisk luft. Husk at tage billeder af det arbejde, der er lavet.', 'Mulighed for at snakke sammen på kryds og tværs og/eller holde pause fra temaet.'),
      item(8, '10:40', 'Fælles opsamling', 'Fælles opsamling af pointer fra dagens drøftelse. Temaord skrives på tavlen, og deltagerne reflekterer i fællesskab over, hvad vi kom frem til. Idéer parkeres på P-pladsen.', 'Dagens drøftelser rundes af på en måde, der involverer alle i en fælles refleksiv drøftelse.'),
      item(9, '11:10', 'Personlig refleksion', 'Alle sidder hver for sig og skriver i notesbogen ud fra refleksionsspørgsmålene: Hvad kan jeg tage med fra i dag i forhold til min hverdag og mine udfordringer?', 'Rum til en lille tænkepause, hvor hver især reflekterer over sit eget udbytte.'),
      item(10, '11:30', 'P-pladsen: idéer og tovholdere', 'Vi gennemgår P-pladsen og finder en tovholder til hver idé, vi vil arbejde videre med uden for netværket.', 'Idéerne bliver ikke glemt, og hver idé har en, der tager styringen i egen afdeling.'),
      item(11, '11:50', 'Næste møde', `Deltagerne byder ind: Hvad skal vi se efter og spørge om på besøget hos Kaffebrænderiet Fællesskab den ${formatDate(m4.date)}? Forslag skrives på tavlen.`, 'Alle tager ansvar for mødernes indhold og har lyst til at bidrage.'),
      item(12, '11:58', 'Slut', `Tak for et godt møde. Vi ses på besøget den ${formatDate(m4.date)}.`, 'Alle går fra mødet med noget, de kan bruge i deres egen hverdag, og glæder sig til næste møde.'),
    ],
    ...stamp,
  };

  // "Fælles opsamling i plenum pr. møde" for the meeting that has been held.
  const summary: Summary = {
    meetingId: m1.id,
    themeAndPotentials: 'Tema: Hvilke typer socialøkonomiske virksomheder findes der, og hvad er deres forudsætninger? Potentiale: kommunen køber allerede ind hos flere af dem uden at vide det.',
    statementsAndKnowledge: '• En socialøkonomisk virksomhed driver forretning og bruger overskuddet på et socialt formål.\n• Mange starter som forening eller projekt og bliver virksomhed senere.\n• Maria: "Det sværeste var ikke kunderne, men at finde ud af, hvem i kommunen vi skulle tale med."',
    contactsForKnowledge: 'Maria Lund, Kaffebrænderiet Fællesskab — opstart og drift. Mads Nielsen, erhvervsservice — iværksætterrådgivning.',
    potentials: '• Én indgang i kommunen for socialøkonomiske virksomheder.\n• Sociale klausuler i kommunens egne indkøb.\n• Flere praktikpladser for borgere fra SPO og Jobcenteret.',
    keyLearningPoints: 'Virksomhederne har brug for en stabil kunde mere end for tilskud. Kommunen er både kunde, samarbejdspartner og myndighed — og de tre roller kan spænde ben for hinanden.',
    waysToUseLearning: 'Jens tager spørgsmålet om sociale klausuler med til indkøbsteamet. Karin undersøger, hvor mange borgere der i dag er i praktik i socialøkonomiske virksomheder.',
    ...stamp,
  };

  // "Individuel opsamling": Jens shares his; Helle's is private (only she and the leaders see it).
  const reflectedAt = at(m1.date, '13:00');
  const reflections = [
    reflection(m1, jens!, [
      'At vi allerede køber kaffe og catering hos to socialøkonomiske virksomheder — uden at vide det.',
      'At en socialøkonomisk virksomhed ikke er et projekt, men en forretning med et socialt formål.',
      'Jeg vil se på, om vores næste udbud af kantinedrift kan deles op, så mindre leverandører kan byde.',
      'Sociale klausuler i kantineudbuddet — jeg er tovholder.',
    ], true, reflectedAt),
    reflection(m1, helle!, [
      'Marias historie om, hvor svært det var at finde den rette indgang i kommunen.',
      'At vi i SPO har borgere, der kunne passe ind i en virksomhed som Kaffebrænderiet.',
      'Jeg er usikker på, om mine medarbejdere har tid til at følge borgerne i praktik — det vil jeg tale med min chef om, før jeg siger det højt i netværket.',
      'Praktikpladser for borgere fra SPO — jeg vil gerne være tovholder.',
    ], false, reflectedAt),
  ];

  // The parking lot (P-plads): ideas from meeting 1, most with an owner (tovholder).
  const [, , karin, mads] = participants;
  const ideaAt = at(m1.date, '09:30');
  const idea = (id: string, text: string, raisedBy: Participant, owner: Participant | undefined, status: Idea['status']): Idea => ({
    id, text, meetingId: m1.id, raisedBy: personOf(raisedBy), ...(owner ? { owner: personOf(owner) } : {}), status, createdAt: ideaAt, ...stamp,
  });
  const ideas = [
    idea('idea-1', 'Sociale klausuler i næste udbud af kantinedrift på rådhuset', karin!, jens, 'takenOn'),
    idea('idea-2', 'Én indgang i erhvervsservice for socialøkonomiske iværksættere', mads!, mads, 'takenOn'),
    idea('idea-3', 'Praktikpladser for borgere fra SPO i lokale socialøkonomiske virksomheder', helle!, helle, 'parked'),
    idea('idea-4', 'Et kort over kommunens socialøkonomiske virksomheder på hjemmesiden', jens!, undefined, 'parked'),
  ];

  const unfolding: Omit<ThemeUnfolding, keyof Versioned> = {
    whyInteresting: 'Socialøkonomiske virksomheder skaber arbejdspladser for borgere på kanten af arbejdsmarkedet og løser samtidig opgaver, kommunen har brug for. Vi ved for lidt om, hvem de er i vores kommune, og hvad vi kan gøre for dem.',
    challengeAndConsequences: 'Virksomhederne oplever kommunen som svær at samarbejde med: mange indgange, udbud der ikke passer til små leverandører, og usikkerhed om reglerne. Konsekvensen er, at borgere mister praktik- og jobmuligheder, og at gode virksomheder lukker.',
    potentialOrDream: 'At kommunen bliver kendt som en god samarbejdspartner for socialøkonomiske virksomheder — med én indgang, indkøb med sociale klausuler og flere borgere i job.',
    valueForWhom: 'Borgere på kanten af arbejdsmarkedet, virksomhederne selv, Jobcenteret og SPO, der får flere tilbud til borgerne, og kommunen som indkøber.',
    whereFelt: 'Jobcenteret (praktik og fleksjob), SPO (beskyttet beskæftigelse), Økonomi og Styring (indkøb), erhvervsservice og Juridisk Kontor — hver med sin del af samarbejdet.',
    subthemesApproach: 'Fem undertemaer, så vidt muligt ét pr. møde: typer og forudsætninger, jura og regler, opstart, lokale eksempler og kommunens rolle. Eksterne oplægsholdere på de første møder, en borger med i workshoppen og et besøg i en lokal virksomhed.',
    contributors: 'Samtaler med Jobcenterets virksomhedskonsulenter, en leder i SPO, indkøbsteamet i ØS og Maria Lund fra Kaffebrænderiet Fællesskab. Søren, der er ansat i fleksjob i caféen, har fortalt om borgerens vej ind. Drøftet med referenceleder Birgitte Krogh.',
    characteristics: {
      citizenWelfare: { met: true, note: 'Flere borgere i meningsfuldt arbejde.' },
      currentChallenge: { met: true, note: 'Virksomhederne efterspørger én indgang til kommunen.' },
      crossCutting: { met: true, note: 'Jobcenter, SPO, indkøb, erhverv og jura.' },
      complexity: { met: true },
      newLearning: { met: true, note: 'Vi kender hverken virksomhederne eller reglerne godt nok.' },
      innovation: { met: false, note: 'Et læringsnetværk: innovation kan komme bagefter.' },
      economicPotential: { met: true, note: 'Sociale klausuler kan flytte udgifter fra forsørgelse til løn.' },
    },
  };
  const theme: ThemeUnfolding = { ...unfolding, updatedAt: at(daysAfter(startDate, 9)), updatedBy: lene.name };
  // How the theme moved: from Chefforum's heading to the leader's question after her first conversations.
  const themeRevisions: ThemeRevision[] = [
    {
      revision: 1, savedAt: at(daysAfter(startDate, -7)), savedBy: lene.name, theme: 'Socialøkonomiske virksomheder',
      unfolding: { ...emptyUnfolding(), whyInteresting: 'Chefforum har valgt temaet: Hvad er socialøkonomiske virksomheder, og er de relevante for kommunen?' },
    },
    { revision: 2, savedAt: theme.updatedAt!, savedBy: lene.name, theme: THEME, unfolding },
  ];

  const phasePlan = fitLearningPhases(defaultPhasePlan(network, 'da', meetings), network, meetings, stamp);

  return {
    network, theme, themeRevisions, subthemes, participants, meetings, assignments, agendas: [agenda], summaries: [summary],
    reflections, ideas, analysisCategories: [], analysisNotes: [], phasePlan, bookings: [],
  };
}

function emptyUnfolding(): ThemeRevision['unfolding'] {
  return {
    whyInteresting: '', challengeAndConsequences: '', potentialOrDream: '', valueForWhom: '', whereFelt: '',
    subthemesApproach: '', contributors: '', characteristics: {},
  };
}

/**
 * The handbook's four phases placed around this network's real meetings: start-up, design in the week
 * before the first meeting, learning from the first to the closing meeting, spreading until Chefforum.
 */
function fitLearningPhases(plan: PhasePlan, network: Network, meetings: Meeting[], stamp: object): PhasePlan {
  const first = weekIndexOf(network.startDate, meetings[0]!.date);
  const closing = weekIndexOf(network.startDate, meetings.find((m) => m.closing)!.date);
  const last = weeksOfPeriod(network.startDate, network.endDate).length;
  const weeks: Record<string, [number, number]> = {
    'learning-1-startup': [1, Math.max(1, first - 2)],
    'learning-2-design': [Math.max(1, first - 1), Math.max(1, first - 1)],
    'learning-3-generate': [first, closing],
    'learning-4-spread': [Math.min(last, closing + 1), last],
  };
  const steps = plan.steps.map((step) => {
    const fitted = weeks[step.id];
    return fitted ? { ...step, startWeek: fitted[0], endWeek: fitted[1] } : step;
  });
  return { steps: steps.sort((a, b) => a.startWeek - b.startWeek || a.endWeek - b.endWeek), ...stamp };
}

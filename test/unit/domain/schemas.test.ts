import {
  agendaSaveSchema,
  assignmentUpsertSchema,
  deliverySaveSchema,
  ideaCreateSchema,
  ideaPatchSchema,
  meetingCreateSchema,
  meetingPatchSchema,
  networkCreateSchema,
  networkPatchSchema,
  participantCreateSchema,
  phasePlanSaveSchema,
  reflectionSaveSchema,
  themeUnfoldingSaveSchema,
} from '../../../bot/domain/schemas';
import { localizeIssues, parseInput, type ParseResult } from '../../../bot/domain/validate';

function issuesOf<T>(result: ParseResult<T>) {
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.value)}`);
  return result.issues;
}
function valueOf<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

const network = { name: '  Deleøkonomi  ', type: 'learning', theme: 'Hvad kan deleøkonomi i en kommune?', startDate: '2026-02-02' };

describe('network input', () => {
  it('trims text, defaults the end to 6 months later and the status to planning', () => {
    const value = valueOf(parseInput(networkCreateSchema, network));
    expect(value).toMatchObject({ name: 'Deleøkonomi', endDate: '2026-08-02', status: 'planning' });
  });

  it('does not let the client name the leader', () => {
    const issues = issuesOf(parseInput(networkCreateSchema, { ...network, leader: { name: 'Mallory' } }));
    expect(issues).toEqual([{ path: 'leader', key: 'validation.unknownField', params: { field: 'leader' } }]);
    expect(localizeIssues(issues, 'da')[0]?.message).toBe('Feltet "leader" kendes ikke.');
  });

  it('names every missing or wrong field in Danish', () => {
    const issues = issuesOf(parseInput(networkCreateSchema, { name: '   ', type: 'hobby', startDate: '2026-02-30' }));
    expect(localizeIssues(issues, 'da')).toEqual([
      { path: 'name', message: 'Skal udfyldes.' },
      { path: 'type', message: 'Vælg en af de mulige værdier.' },
      { path: 'theme', message: 'Skal udfyldes.' },
      { path: 'startDate', message: 'Datoen findes ikke eller er ikke skrevet som ÅÅÅÅ-MM-DD.' },
    ]);
  });

  it('tells how long a name may be', () => {
    const issues = issuesOf(parseInput(networkCreateSchema, { ...network, name: 'x'.repeat(121) }));
    expect(localizeIssues(issues, 'en')).toEqual([{ path: 'name', message: 'At most 120 characters.' }]);
  });

  it('checks the e-mail of the co-driver', () => {
    const issues = issuesOf(parseInput(networkCreateSchema, { ...network, coDriver: { name: 'Co', email: 'co@' } }));
    expect(issues).toEqual([{ path: 'coDriver.email', key: 'validation.invalidEmail' }]);
  });

  it('patches only what was sent, and null removes the reference leader', () => {
    expect(valueOf(parseInput(networkPatchSchema, { name: 'Nyt navn' }))).toEqual({ name: 'Nyt navn' });
    expect(valueOf(parseInput(networkPatchSchema, { referenceLeader: null }))).toEqual({ referenceLeader: null });
    expect(issuesOf(parseInput(networkPatchSchema, { leader: { name: 'x' } }))[0]?.key).toBe('validation.unknownField');
  });

  it('rejects something that is not an object', () => {
    expect(issuesOf(parseInput(networkCreateSchema, 'hello'))).toEqual([{ path: '', key: 'validation.invalidType' }]);
  });
});

describe('theme unfolding input', () => {
  it('accepts the checklist of good-theme characteristics and rejects unknown ones', () => {
    const value = valueOf(
      parseInput(themeUnfoldingSaveSchema, {
        theme: 'Deleøkonomi',
        whyInteresting: 'Fordi...',
        characteristics: { crossCutting: { met: true, note: 'Går på tværs af tre afdelinger' } },
      }),
    );
    expect(value.potentialOrDream).toBe('');
    expect(value.characteristics.crossCutting).toEqual({ met: true, note: 'Går på tværs af tre afdelinger' });
    const issues = issuesOf(parseInput(themeUnfoldingSaveSchema, { theme: 'x', characteristics: { fun: { met: true } } }));
    expect(issues[0]).toMatchObject({ path: 'characteristics.fun', key: 'validation.unknownField' });
  });

  it('limits long texts to 4000 characters', () => {
    const issues = issuesOf(parseInput(themeUnfoldingSaveSchema, { theme: 'x', whereFelt: 'y'.repeat(4001) }));
    expect(issues).toEqual([{ path: 'whereFelt', key: 'validation.tooLong', params: { max: 4000 } }]);
  });
});

describe('free text is cleaned at the boundary', () => {
  it('drops NUL and other control characters and bidi overrides from a name, so it cannot reverse a sentence or break a calendar file', () => {
    const name = valueOf(parseInput(participantCreateSchema, { name: 'Mette\u0000 \u202EnesnaH\u202C\u0007', kind: 'core', role: 'employee' })).name;
    expect(name).toBe('Mette nesnaH');
    expect(name).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  });

  it('makes a one-line field one line, keeps line breaks where text has lines, and composes letters (NFC)', () => {
    const base = { name: 'Ida', kind: 'core', role: 'employee' };
    expect(valueOf(parseInput(participantCreateSchema, { ...base, unit: 'Social\r\nog\tSundhed' })).unit).toBe('Social og Sundhed');
    const why = valueOf(parseInput(themeUnfoldingSaveSchema, { theme: 'Tema', whyInteresting: 'Første\r\nanden\u2028tredje' })).whyInteresting;
    expect(why).toBe('Første\nanden\ntredje');
    expect(valueOf(parseInput(participantCreateSchema, { ...base, name: 'Ble\u0300' })).name).toBe('Blè');
  });

  it('a text that is only control characters counts as empty', () => {
    expect(issuesOf(parseInput(participantCreateSchema, { name: '\u0000\u202E', kind: 'core', role: 'employee' }))[0]).toMatchObject({ path: 'name' });
  });
});

describe('participant input', () => {
  it('treats an empty e-mail from the form as no e-mail and lower-cases a real one', () => {
    const base = { name: 'Søren S.', kind: 'along', role: 'citizen' };
    expect(valueOf(parseInput(participantCreateSchema, { ...base, email: '' })).email).toBeUndefined();
    expect(valueOf(parseInput(participantCreateSchema, { ...base, email: ' Soren@Mail.DK ' })).email).toBe('soren@mail.dk');
  });

  it('rejects the same competence area twice', () => {
    const input = { name: 'A', kind: 'core', role: 'employee', competenceAreas: ['externalPerspectives', 'externalPerspectives'] };
    expect(issuesOf(parseInput(participantCreateSchema, input))).toEqual([
      { path: 'competenceAreas', key: 'validation.duplicateChoice' },
    ]);
  });
});

describe('meeting input', () => {
  const base = { number: 1, date: '2026-03-16', start: '09:00' };

  it('ends a meeting 3 hours after its start unless told otherwise', () => {
    expect(valueOf(parseInput(meetingCreateSchema, base))).toMatchObject({ end: '12:00', closing: false, online: false });
    expect(valueOf(parseInput(meetingCreateSchema, { ...base, end: '11:30' })).end).toBe('11:30');
  });

  it('wants times as HH:mm and whole meeting numbers', () => {
    const issues = issuesOf(parseInput(meetingCreateSchema, { ...base, number: 1.5, start: '9.00' }));
    expect(localizeIssues(issues, 'da')).toEqual([
      { path: 'number', message: 'Skal være et helt tal.' },
      { path: 'start', message: 'Skriv tidspunktet som TT:MM, fx 09:30.' },
    ]);
  });

  it('does not fill in defaults when patching', () => {
    expect(valueOf(parseInput(meetingPatchSchema, { location: 'Online' }))).toEqual({ location: 'Online' });
  });
});

describe('the other inputs', () => {
  it('accepts a free-text involvement form', () => {
    const value = valueOf(
      parseInput(assignmentUpsertSchema, { meetingId: 'm1', participantId: 'p1', involvementForm: 'Workshop m. borgere, facilitator' }),
    );
    expect(value.involvementForm).toBe('Workshop m. borgere, facilitator');
  });

  it('rejects ids with odd characters', () => {
    expect(issuesOf(parseInput(assignmentUpsertSchema, { meetingId: 'm1/../x', participantId: 'p1' }))).toEqual([
      { path: 'meetingId', key: 'validation.invalidId' },
    ]);
  });

  it('posts the agenda 7 days before by default and at most 60 days before', () => {
    const item = { time: '09:00', content: 'Velkommen og kort nyt siden sidst' };
    expect(valueOf(parseInput(agendaSaveSchema, { items: [item] })).daysBeforeToPost).toBe(7);
    const issues = issuesOf(parseInput(agendaSaveSchema, { items: [{ ...item, time: '25:00' }], daysBeforeToPost: 61 }));
    expect(issues).toEqual([
      { path: 'items.0.time', key: 'validation.invalidTime' },
      { path: 'daysBeforeToPost', key: 'validation.tooLarge', params: { max: 60 } },
    ]);
  });

  it('keeps a reflection private unless it is shared', () => {
    const value = valueOf(parseInput(reflectionSaveSchema, { answers: [{ question: 'Hvad kan du tage med fra i dag?', answer: 'Meget' }] }));
    expect(value.shared).toBe(false);
  });

  it('parks a new idea, and an owner can step down in a patch', () => {
    expect(valueOf(parseInput(ideaCreateSchema, { text: 'Bytteri på genbrugspladsen' })).status).toBe('parked');
    expect(valueOf(parseInput(ideaPatchSchema, { owner: null, status: 'parked' }))).toEqual({ owner: null, status: 'parked' });
  });

  it('limits the number of recommendations in the delivery', () => {
    const recommendations = Array.from({ length: 21 }, (_, i) => ({ text: `Anbefaling ${i + 1}` }));
    expect(issuesOf(parseInput(deliverySaveSchema, { recommendations }))).toEqual([
      { path: 'recommendations', key: 'validation.tooMany', params: { max: 20 } },
    ]);
  });

  it('does not let a phase end before it starts', () => {
    const step = { kind: 'phase', title: 'Fase 1', startWeek: 5, endWeek: 3 };
    expect(issuesOf(parseInput(phasePlanSaveSchema, { steps: [step] }))).toEqual([
      { path: 'steps.0.endWeek', key: 'validation.endWeekBeforeStartWeek' },
    ]);
  });
});

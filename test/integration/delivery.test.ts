import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp } from '../support/testApp';
import { docxToText } from '../support/libreoffice';

// The delivery to Chefforum: a draft from the summaries and the prioritised analysis, and the Word
// document read back by LibreOffice — headings and recommendations in order, nothing private in it.

let app: App;
let lene: ReturnType<typeof clientFor>;
let networkId: string;
let meetings: string[];
const N = () => `/api/networks/${networkId}`;
const person = (key: string) => {
  const { name, userId, email } = findDevIdentity(key)!;
  return { name, userId, email };
};
const PRIVATE = 'Min chef forstår ikke netværket (privat)';

beforeAll(async () => {
  app = await startTestApp('delivery', { env: { SCHEDULER: 'off' }, now: () => new Date('2027-06-20T10:00:00Z') });
  lene = clientFor(app, 'lene');
  networkId = (await lene.post('/api/networks', { name: 'Socialøkonomiske virksomheder', type: 'learning', theme: 'Hvordan støtter kommunen socialøkonomiske virksomheder?', startDate: '2027-01-04', referenceLeader: person('birgitte') })).body.id;
  const jens = findDevIdentity('jens')!;
  await lene.post(`${N()}/participants`, { name: jens.name, kind: 'core', role: 'employee', unit: 'ØS', userId: jens.userId, competenceAreas: [] });
  const first = (await lene.post(`${N()}/meetings`, { number: 1, title: 'Opstart', date: '2027-01-20', start: '09:00' })).body.id;
  const second = (await lene.post(`${N()}/meetings`, { number: 2, title: 'Jura', date: '2027-02-17', start: '09:00' })).body.id;
  await lene.put(`${N()}/meetings/${first}/summary`, { keyLearningPoints: 'Socialøkonomi er forretning med et socialt formål.', waysToUseLearning: 'Jobcentret henviser til virksomhederne.' });
  await lene.put(`${N()}/meetings/${second}/summary`, { keyLearningPoints: 'Udbudsreglerne giver plads til sociale klausuler.' });
  await clientFor(app, 'jens').put(`${N()}/meetings/${first}/reflections/mine`, { answers: [{ question: 'Hvad tager du med?', answer: PRIVATE }], shared: false });
  const helle = findDevIdentity('helle')!;
  await lene.post(`${N()}/participants`, { name: helle.name, kind: 'core', role: 'manager', unit: 'SPO', userId: helle.userId, competenceAreas: [] });
  await clientFor(app, 'helle').put(`${N()}/meetings/${first}/reflections/mine`, { answers: [{ question: 'Hvad tager du med?', answer: 'Vi kan købe ind hos dem' }], shared: true });
  await clientFor(app, 'helle').post(`${N()}/ideas`, { text: 'Indkøbsguide til socialøkonomi', meetingId: first });
  meetings = [first, second];
  const treasures = (await lene.post(`${N()}/analysis/categories`, { title: 'Skjulte skatte', preset: 'hiddenTreasures', order: 0 })).body.id;
  const paradoxes = (await lene.post(`${N()}/analysis/categories`, { title: 'Paradokser', preset: 'paradoxes', order: 1 })).body.id;
  for (const [categoryId, text, priority] of [
    [paradoxes, 'Brug sociale klausuler i kommunens udbud', 'prioritised'],
    [treasures, 'Lav én indgang for socialøkonomiske virksomheder', 'prioritised'],
    [treasures, 'Et årligt træf', 'leftOut'],
  ]) {
    const note = await lene.post(`${N()}/analysis/notes`, { categoryId, text });
    await lene.patch(`${N()}/analysis/notes/${note.body.id}`, { priority }, { 'If-Match': note.body.etag });
  }
});

afterAll(() => app?.stop());

test('the draft is built from the summaries and the prioritised analysis, never from a private reflection', async () => {
  const draft = await lene.get(`${N()}/delivery/draft`);
  expect(draft.status).toBe(200);
  expect(draft.body.knowledgeSummary).toContain('Socialøkonomi er forretning');
  expect(draft.body.knowledgeSummary.indexOf('Socialøkonomi')).toBeLessThan(draft.body.knowledgeSummary.indexOf('Udbudsreglerne'));
  expect(draft.body.practiceChanges).toBe('Jobcentret henviser til virksomhederne.');
  expect(draft.body.recommendations.map((r: { text: string }) => r.text)).toEqual([
    'Lav én indgang for socialøkonomiske virksomheder',
    'Brug sociale klausuler i kommunens udbud',
  ]);
  expect(JSON.stringify(draft.body)).not.toContain(PRIVATE);
  expect((await clientFor(app, 'jens').get(`${N()}/delivery/draft`)).status).toBe(403);
});

test('the Word document has the handbook’s headings and the recommendations in priority order (read by LibreOffice)', async () => {
  await lene.put(`${N()}/delivery`, {
    theme: 'Kommunens støtte til socialøkonomiske virksomheder',
    knowledgeSummary: 'Socialøkonomi er forretning med et socialt formål.',
    practiceChanges: 'Jobcentret henviser nu til virksomhederne.',
    recommendations: [{ text: 'Brug sociale klausuler i kommunens udbud' }, { text: 'Lav én indgang for socialøkonomiske virksomheder' }, { text: 'Følg op om et år' }],
    other: '',
    dissemination: [{ who: 'Lene Holm', channel: 'Chefforum', when: 'August' }],
    status: 'sentToReferenceLeader',
  });
  const response = await fetch(`${app.url}${N()}/delivery.docx`, { headers: { 'X-Dev-User': 'birgitte' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''Leverance%20til%20Chefforum");
  const text = await docxToText(Buffer.from(await response.arrayBuffer()));

  const order = [
    'Leverance til Chefforum',
    'Tema',
    'Kommunens støtte til socialøkonomiske virksomheder',
    'Opsummering af viden og beskrivelse af læringen',
    'Hvordan læringen har ændret praksis',
    'Prioriterede anbefalinger',
    'Brug sociale klausuler i kommunens udbud',
    'Lav én indgang for socialøkonomiske virksomheder',
    'Følg op om et år',
    'Andet',
    '(ikke udfyldt)',
    'Spredning af læringen',
    'Lene Holm',
  ];
  const positions = order.map((line) => text.indexOf(line));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(text).toMatch(/1\.\s*Brug sociale klausuler/);
  expect(text).toMatch(/3\.\s*Følg op om et år/);
  expect(text).not.toContain(PRIVATE);
}, 120_000);

test('the same document in English', async () => {
  const response = await fetch(`${app.url}${N()}/delivery.docx?lang=en`, { headers: { 'X-Dev-User': 'lene' } });
  const text = await docxToText(Buffer.from(await response.arrayBuffer()));
  for (const heading of ['Delivery to Chefforum', 'Prioritised recommendations', 'How the learning has changed practice', 'Sent to the reference leader']) {
    expect(text).toContain(heading);
  }
  expect(response.headers.get('content-disposition')).toContain('filename="delivery-to-chefforum-socialoekonomiske-virksomheder.docx"');
}, 120_000);

test('the plenary view beside a summary shows only what participants shared — to the leader too', async () => {
  for (const who of ['lene', 'jens']) {
    const view = await clientFor(app, who).get(`${N()}/meetings/${meetings[0]}/plenary`);
    expect(view.status).toBe(200);
    expect(view.body.summary.keyLearningPoints).toContain('Socialøkonomi er forretning');
    expect(view.body.sharedReflections).toEqual([{ participantId: expect.any(String), name: 'Helle Hansen', answers: [{ question: 'Hvad tager du med?', answer: 'Vi kan købe ind hos dem' }] }]);
    expect(view.body.ideas.map((i: { text: string }) => i.text)).toEqual(['Indkøbsguide til socialøkonomi']);
    expect(JSON.stringify(view.body)).not.toContain(PRIVATE);
  }
});

test('the analysis material lays out every meeting in order, with nothing private', async () => {
  const material = await clientFor(app, 'jens').get(`${N()}/analysis/material`);
  expect(material.body.meetings.map((m: { meeting: { title: string } }) => m.meeting.title)).toEqual(['Opstart', 'Jura']);
  expect(material.body.meetings[1].summary.keyLearningPoints).toContain('Udbudsreglerne');
  expect(JSON.stringify(material.body)).not.toContain(PRIVATE);
});

test('someone outside the network cannot download it', async () => {
  const response = await fetch(`${app.url}${N()}/delivery.docx`, { headers: { 'X-Dev-User': 'ulla' } });
  expect(response.status).toBe(403);
});

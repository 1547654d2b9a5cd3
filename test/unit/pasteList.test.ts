import { emailSchema } from '../../bot/domain/schemas';
import { isValidEmail, nameFromAddress, parsePasteList, type Member } from '../../tabs/src/plan/participants/pasteList';
import { batchBody, bulkRows } from '../../tabs/src/plan/participants/bulkRows';

// "Indsæt liste" in the participants' "Tilføj flere": what a leader pastes from Word, Excel or Outlook becomes people
// — name, e-mail, unit, and the Teams user when the team has the address — and the one list she checks before anything
// is stored says in words what is wrong with a row.

const TEAM: Member[] = [
  { userId: 'aad-lis', name: 'Lis Hansen', email: 'Lis.Hansen@kommune.dk' },
  { userId: 'aad-ole', name: 'Ole Berg', email: 'ole.berg@kommune.dk' },
  { userId: 'aad-karin', name: 'Karin Holm' },
];

const brief = (text: string, members: Member[] = []) =>
  parsePasteList(text, members).map(({ name, email, unit, userId, problems }) => ({ name, email, unit, userId, problems }));

describe('the pasted list', () => {
  test('one person a line, in every shape Word and Outlook give a name and an address', () => {
    const text = [
      'Lis Hansen <lis.hansen@kommune.dk>',
      'Ole Berg; ole.berg@kommune.dk',
      'peter.lund@kommune.dk',
      '"Dahl, Sofie" <SOFIE.DAHL@kommune.dk>',
      'Mads Forsker mads@via.example',
      'Anna Borger',
      '',
      '   ',
    ].join('\n');
    expect(brief(text)).toEqual([
      { name: 'Lis Hansen', email: 'lis.hansen@kommune.dk', unit: '', userId: undefined, problems: [] },
      { name: 'Ole Berg', email: 'ole.berg@kommune.dk', unit: '', userId: undefined, problems: [] },
      { name: 'Peter Lund', email: 'peter.lund@kommune.dk', unit: '', userId: undefined, problems: [] },
      { name: 'Sofie Dahl', email: 'sofie.dahl@kommune.dk', unit: '', userId: undefined, problems: [] },
      { name: 'Mads Forsker', email: 'mads@via.example', unit: '', userId: undefined, problems: [] },
      { name: 'Anna Borger', email: undefined, unit: '', userId: undefined, problems: [] },
    ]);
  });

  test('rows copied from Excel: name, e-mail and unit in columns, the header row skipped, in any column order', () => {
    const text = 'Navn\tE-mail\tEnhed\r\nLis Hansen\tlis.hansen@kommune.dk\tBUF\r\nOle Berg\tole.berg@kommune.dk\t\r\nkarin@kommune.dk\tKarin Holm\tÆldre\r\nAnna Borger\t\tBorgerpanelet\r\n';
    expect(brief(text)).toEqual([
      { name: 'Lis Hansen', email: 'lis.hansen@kommune.dk', unit: 'BUF', userId: undefined, problems: [] },
      { name: 'Ole Berg', email: 'ole.berg@kommune.dk', unit: '', userId: undefined, problems: [] },
      { name: 'Karin Holm', email: 'karin@kommune.dk', unit: 'Ældre', userId: undefined, problems: [] },
      { name: 'Anna Borger', email: undefined, unit: 'Borgerpanelet', userId: undefined, problems: [] },
    ]);
  });

  test('Outlook’s recipients on one line, separated by semicolons or commas, quoted or not, with a department', () => {
    const outlook = '"Hansen, Lis" <lis.hansen@kommune.dk>; Ole Berg <ole.berg@kommune.dk>; peter.lund@kommune.dk; Sofie Dahl (Ældre) <sofie.dahl@kommune.dk>';
    expect(brief(outlook).map((p) => [p.name, p.email, p.unit])).toEqual([
      ['Lis Hansen', 'lis.hansen@kommune.dk', ''],
      ['Ole Berg', 'ole.berg@kommune.dk', ''],
      ['Peter Lund', 'peter.lund@kommune.dk', ''],
      ['Sofie Dahl', 'sofie.dahl@kommune.dk', 'Ældre'],
    ]);
    // Commas between recipients, and a "Last, First" name Outlook did not quote.
    expect(brief('Hansen, Lis <lis.hansen@kommune.dk>, Berg, Ole <ole.berg@kommune.dk>').map((p) => [p.name, p.email])).toEqual([
      ['Lis Hansen', 'lis.hansen@kommune.dk'],
      ['Ole Berg', 'ole.berg@kommune.dk'],
    ]);
    expect(brief('lis@kommune.dk, ole@kommune.dk').map((p) => p.email)).toEqual(['lis@kommune.dk', 'ole@kommune.dk']);
  });

  test('each e-mail is matched against the team: the Teams user linked, and the team’s name for a bare address', () => {
    expect(brief('LIS.HANSEN@kommune.dk\nOle B. <ole.berg@kommune.dk>\nNy Person <ny@kommune.dk>', TEAM)).toEqual([
      { name: 'Lis Hansen', email: 'lis.hansen@kommune.dk', unit: '', userId: 'aad-lis', problems: [] },
      { name: 'Ole B.', email: 'ole.berg@kommune.dk', unit: '', userId: 'aad-ole', problems: [] },
      { name: 'Ny Person', email: 'ny@kommune.dk', unit: '', userId: undefined, problems: [] },
    ]);
    // Without an address, a name exactly one member has links them (and takes the team's e-mail).
    const byName = parsePasteList('ole berg\nKarin Holm', TEAM);
    expect(byName.map((p) => [p.name, p.email, p.userId, p.linkedBy])).toEqual([
      ['ole berg', 'ole.berg@kommune.dk', 'aad-ole', 'name'],
      ['Karin Holm', undefined, 'aad-karin', 'name'],
    ]);
  });

  test('an address that is not valid is kept as typed and said, never silently dropped', () => {
    const [bad, good] = parsePasteList('Bo Ny <bo@kommune>\nPia <pia@kommune.dk>');
    expect(bad).toMatchObject({ name: 'Bo Ny', typedEmail: 'bo@kommune', problems: ['invalidEmail'] });
    expect(bad!.email).toBeUndefined();
    expect(good).toMatchObject({ name: 'Pia', email: 'pia@kommune.dk', problems: [] });
    expect(parsePasteList(`${'x'.repeat(130)} <x@kommune.dk>`)[0]!.problems).toEqual(['nameTooLong']);
  });

  test('the tab’s e-mail check answers as the server’s schema does', () => {
    const samples = ['lis@kommune.dk', 'Lis.Hansen@Kommune.DK', 'o\'brien@x.ie', 'a+b@x.co', 'bo@kommune', 'bo@@kommune.dk', '.lis@x.dk', 'lis..h@x.dk', 'søren@kommune.dk', 'lis@kommune.d', 'lis@-x.dk', 'lis @x.dk'];
    for (const sample of samples) expect({ sample, tab: isValidEmail(sample) }).toEqual({ sample, tab: emailSchema.safeParse(sample).success });
  });

  test('a name from an address', () => {
    expect(nameFromAddress('lis.m.hansen@kommune.dk')).toBe('Lis M Hansen');
    expect(nameFromAddress('ole_berg-jensen@kommune.dk')).toBe('Ole Berg Jensen');
  });
});

describe('the list the leader checks', () => {
  const participants = [{ name: 'Helle Hansen', email: 'helle@kommune.dk' }, { name: 'Jens Jensen', userId: 'aad-jens' }];

  test('team members ticked and people pasted in one list; who is already there, or twice, is said and left out', () => {
    const pasted = parsePasteList('Helle H. <HELLE@kommune.dk>\nLis Hansen <lis.hansen@kommune.dk>\nNy Person <ny@kommune.dk>\nBo <bo@kommune>\nny@kommune.dk', TEAM);
    const rows = bulkRows([TEAM[0]!, { userId: 'aad-jens', name: 'Jens Jensen' }], pasted, participants);
    expect(rows.map((r) => [r.name, r.source, r.problems])).toEqual([
      ['Lis Hansen', 'team', []],
      ['Jens Jensen', 'team', [{ kind: 'already', name: 'Jens Jensen', by: 'userId' }]],
      ['Helle H.', 'paste', [{ kind: 'already', name: 'Helle Hansen', by: 'email' }]],
      ['Lis Hansen', 'paste', [{ kind: 'twice', name: 'Lis Hansen' }]],
      ['Ny Person', 'paste', []],
      ['Bo', 'paste', [{ kind: 'invalidEmail', email: 'bo@kommune' }]],
      ['Ny', 'paste', [{ kind: 'twice', name: 'Ny Person' }]],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    // What is sent: the rows without problems, with the kind for all or the row's own, and the role chosen.
    const body = batchBody(rows, { [rows[4]!.key]: { role: 'citizen', kind: 'core' } }, 'along');
    expect(body.map((b) => b.body)).toEqual([
      { name: 'Lis Hansen', kind: 'along', role: 'employee', unit: '', email: 'lis.hansen@kommune.dk', userId: 'aad-lis' },
      { name: 'Ny Person', kind: 'core', role: 'citizen', unit: '', email: 'ny@kommune.dk' },
    ]);
    // Left out by the leader: not sent.
    expect(batchBody(rows, { [rows[0]!.key]: { skip: true } }, 'core').map((b) => b.body.name)).toEqual(['Ny Person']);
  });
});

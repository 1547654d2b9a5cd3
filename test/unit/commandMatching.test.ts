import { COMMAND_CHARS, commandText, editDistance, matchCommand, parseCommand } from '../../bot/teams/commandMatching';

describe('parseCommand: what follows the command names a network', () => {
  it.each([
    ['idéer', { command: 'ideas', typed: 'idéer', argument: '' }],
    ['<at>Netværk</at> Idéer Ældre i eget hjem!', { command: 'ideas', typed: 'idéer', argument: 'ældre i eget hjem' }],
    ['ideas welfare', { command: 'ideas', typed: 'ideas', argument: 'welfare' }],
    ['analyse Socialøkonomiske virksomheder', { command: 'analysis', typed: 'analyse', argument: 'socialøkonomiske virksomheder' }],
    ['næste møde ældre', { command: 'nextMeeting', typed: 'næste møde', argument: 'ældre' }],
    ['mine refleksioner social', { command: 'myReflections', typed: 'mine refleksioner', argument: 'social' }],
    ['Næste  møde?', { command: 'nextMeeting', typed: 'næste møde', argument: '' }],
  ])('%j → %j', (text, parsed) => {
    expect(parseCommand(text)).toEqual(parsed);
  });

  it('is undefined for what is not a command', () => {
    expect(parseCommand('Hvornår er der frokost?')).toBeUndefined();
  });
});

describe('matchCommand', () => {
  it.each([
    ['hjælp', 'help'],
    ['  HJÆLP  ', 'help'],
    ['Hjælp!', 'help'],
    ['help', 'help'],
    ['?', 'help'],
    ['<at>Netværk</at> help', 'help'],
    ['<at>Netværk Bot</at>&nbsp;hjælp', 'help'],
    ['hjlp', 'help'],
    ['hjaelp', 'help'],
    ['hejlp', 'help'],
    ['hjælp mig med planen', 'help'],
    ['hej', 'help'],
    ['næste møde', 'nextMeeting'],
    ['Næste  møde?', 'nextMeeting'],
    ['naeste mode', 'nextMeeting'],
    ['next meeting', 'nextMeeting'],
    ['nxet meeting', 'nextMeeting'],
    ['dagsorden', 'nextMeeting'],
    ['dagsordne', 'nextMeeting'],
    ['agenda', 'nextMeeting'],
    ['idéer', 'ideas'],
    ['ideer', 'ideas'],
    ['IDEAS', 'ideas'],
    ['<at>Netværk</at> idéer', 'ideas'],
    ['mine refleksioner', 'myReflections'],
    ['mine reflektioner', 'myReflections'],
    ['my reflections', 'myReflections'],
  ])('%j → %s', (text, command) => {
    expect(matchCommand(text)).toBe(command);
  });

  it.each(['', '   ', '<at>Netværk</at>', 'Hvornår er der frokost?', 'hvad', 'ok', 'tak', 'møde', 'plan'])(
    '%j is not a command',
    (text) => {
      expect(matchCommand(text)).toBeUndefined();
    },
  );
});

describe('editDistance', () => {
  it.each([
    ['hjælp', 'hjælp', 0],
    ['hjlp', 'hjælp', 1],
    ['hjlæp', 'hjælp', 1],
    ['', 'abc', 3],
    ['agenda', 'ideas', 5],
  ])('%j ↔ %j = %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('a long message is read only as far as a command can reach', () => {
  const megabyte = 1024 * 1024;
  const prose = 'Vi talte om borgerens egen stemme og om vikarer på tværs af centre. '.repeat(megabyte / 60);

  // Matching aligns only this text (or its first words) with the aliases, so the work is bounded too.
  it('reads at most COMMAND_CHARS of the message, however long it is', () => {
    expect(commandText(prose).length).toBeLessThanOrEqual(COMMAND_CHARS);
    expect(commandText(prose)).toMatch(/^Vi talte om borgerens egen stemme/);
  });

  it.each([
    ['a megabyte of prose', undefined, prose],
    ['a megabyte starting with "hjælp"', 'help', `hjælp ${prose}`],
    ['a megabyte starting with a mention and "idéer"', 'ideas', `<at>Netværk</at> idéer ${prose}`],
    // Unclosed tags make the tag-stripping pattern quadratic over whatever it is given.
    ['a megabyte of unclosed tags', undefined, '<'.repeat(megabyte)],
    ['a megabyte of spaces after "hjælp"', 'help', `hjælp${' '.repeat(megabyte)}`],
  ])('%s → %s', (_label, command, text) => {
    expect(matchCommand(text)).toBe(command);
  });
});

import { editDistance, matchCommand } from '../../bot/teams/commands';

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

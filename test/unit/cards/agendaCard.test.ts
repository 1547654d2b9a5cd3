import { buildAgendaCard, type AgendaCardInput } from '../../../bot/agenda/card';
import type { Locale } from '../../../bot/i18n';
import { plannedNetwork } from '../domain/fixtures';
import { actionsOf, idea, runTexts } from './cardKit';

// The agenda card ("Dagsorden", seed 002) posted to the network's channel before each meeting.

function input(overrides: Partial<AgendaCardInput> = {}, locale: Locale = 'da'): AgendaCardInput {
  const { meetings, network } = plannedNetwork();
  return {
    network,
    meeting: { ...meetings[1]!, purpose: 'Vi undersøger deleøkonomi' },
    meetings,
    subtheme: { title: 'Hvad er deleøkonomi?' },
    agenda: {
      items: [
        { id: 'b', time: '10:30', content: 'Gruppearbejde', process: 'Grupper á 4', purpose: 'Idéer til praksis' },
        { id: 'a', time: '09:00', content: 'Velkomst', process: '', purpose: '' },
      ],
    },
    ideasWithoutOwner: [],
    locale,
    ...overrides,
  };
}

const shown = (overrides: Partial<AgendaCardInput> = {}, locale: Locale = 'da') => runTexts(buildAgendaCard(input(overrides, locale)));

describe('the agenda card', () => {
  it('names the meeting in the series, its date, ISO week, time and place (Danish)', () => {
    const texts = shown();
    expect(texts).toContain('Dagsorden · Ensomhed blandt ældre');
    expect(texts).toContain('Netværksmøde 2 af 5: Hvad er deleøkonomi?');
    expect(texts).toContain('mandag 13.04.2026 (uge 16), 09:00–12:00');
    expect(texts).toContain('Hvor:');
    expect(texts).toContain('Rådhuset, lokale 129');
    expect(texts).toContain('Formål:');
    expect(texts).toContain('Vi undersøger deleøkonomi');
  });

  it('says the same in English, dates still dd.mm.yyyy', () => {
    const texts = shown({}, 'en');
    expect(texts).toContain('Agenda · Ensomhed blandt ældre');
    expect(texts).toContain('Network meeting 2 of 5: Hvad er deleøkonomi?');
    expect(texts).toContain('Monday 13.04.2026 (week 16), 09:00–12:00');
    expect(texts).toContain('When:');
  });

  it('uses the bare meeting label without a subtheme, and names the closing meeting', () => {
    const { meetings } = plannedNetwork();
    expect(shown({ subtheme: undefined })).toContain('Netværksmøde 2 af 5');
    expect(shown({ meeting: meetings[4]!, subtheme: undefined }, 'en')).toContain('Closing meeting');
  });

  it('counts ISO weeks across the turn of the year', () => {
    const { meetings } = plannedNetwork();
    const texts = shown({ meeting: { ...meetings[0]!, date: '2027-01-01' } });
    expect(texts).toContain('fredag 01.01.2027 (uge 53), 09:00–12:00');
  });

  it('says "online" for an online meeting and "place to follow" without a place', () => {
    const { meetings } = plannedNetwork();
    expect(shown({ meeting: { ...meetings[1]!, online: true } })).toContain('Online (Teams-møde)');
    expect(shown({ meeting: { ...meetings[1]!, location: '' } }, 'en')).toContain('Place to follow');
  });

  it('lists the programme in time order with process and outcome', () => {
    const texts = shown();
    const programme = texts.slice(texts.indexOf('Program'));
    expect(programme).toEqual(['Program', '09:00', 'Velkomst', '10:30', 'Gruppearbejde', 'Proces: Grupper á 4', 'Formål/udbytte: Idéer til praksis']);
  });

  it('says the programme follows when the agenda has no items', () => {
    const texts = shown({ agenda: { items: [] } });
    expect(texts).toContain('Programmet følger.');
    expect(texts).not.toContain('Program');
    expect(shown({ agenda: { items: [] } }, 'en')).toContain('The programme will follow.');
  });

  it('shows the preparation only when there is some', () => {
    const { meetings } = plannedNetwork();
    expect(shown()).not.toContain('Forberedelse');
    const texts = shown({ meeting: { ...meetings[1]!, preparation: 'Læs rapporten' } });
    expect(texts.slice(texts.indexOf('Forberedelse'))).toEqual(['Forberedelse', 'Læs rapporten']);
  });

  it('lists at most 15 ideas without an owner and counts the rest', () => {
    const ideas = Array.from({ length: 20 }, (_, i) => idea(`i${i}`, { text: `Idé nummer ${i + 1}` }));
    const texts = shown({ ideasWithoutOwner: ideas });
    expect(texts).toContain('Idéer, der mangler en tovholder');
    expect(texts.filter((t) => t.startsWith('• '))).toEqual(ideas.slice(0, 15).map((i) => `• ${i.text}`));
    expect(texts).toContain('… og 5 flere i fanen.');
    expect(shown({ ideasWithoutOwner: ideas }, 'en')).toContain('… and 5 more in the tab.');
  });

  it('lists exactly 15 ideas without a "more" line, and no idea section without ideas', () => {
    const ideas = Array.from({ length: 15 }, (_, i) => idea(`i${i}`));
    expect(shown({ ideasWithoutOwner: ideas }).some((t) => t.includes('flere i fanen'))).toBe(false);
    expect(shown()).not.toContain('Idéer, der mangler en tovholder');
  });

  it('links to the plan only when the link is known, and has no other actions', () => {
    expect(buildAgendaCard(input()).actions).toBeUndefined();
    const card = buildAgendaCard(input({ planUrl: 'https://teams.microsoft.com/l/entity/x' }));
    expect(actionsOf(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Åbn dagsordenen i planen', url: 'https://teams.microsoft.com/l/entity/x' }]);
    expect(card.refresh).toBeUndefined();
  });

  it('shortens the longest texts of a huge agenda but keeps every row and the meeting facts', () => {
    const long = (n: number) => 'Proces med mange trin. '.repeat(n);
    const items = Array.from({ length: 40 }, (_, i) => ({ id: `i${i}`, time: `${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`, content: `Punkt ${i + 1}`, process: long(200), purpose: '' }));
    const texts = shown({ agenda: { items } });
    expect(texts.filter((t) => /^Punkt \d+$/.test(t))).toHaveLength(40);
    expect(texts).toContain('mandag 13.04.2026 (uge 16), 09:00–12:00');
    const processes = texts.filter((t) => t.startsWith('Proces: '));
    expect(processes).toHaveLength(40);
    for (const process of processes) {
      expect(process.endsWith('…')).toBe(true);
      expect(process.length).toBeLessThan(long(200).length);
    }
  });
});

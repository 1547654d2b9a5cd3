import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS } from '../test/support/chromiumArgs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { addDays, todayInCopenhagen } from '../bot/domain/dates';
import { createTables, ensureTables, uniqueTablePrefix } from '../bot/storage/tables';
import { ROOT } from './support/child';
import { startInstance } from './support/instance';
import { hr, ratio, round, sleep, table } from './support/stats';

// Benchmark 5: the scripted set-up journey (issue 17, "Done means", first bullet). Not a test and nothing timed is
// judged: a leader who knows the app sets up one network of the handbook's size in the real tab pages (headless
// Chromium against a service instance, as bench/tabs.ts does), by the fastest path the UI offers, and every click and
// keystroke is counted through the small Recorder below (the only way the script touches the page while counting).
// Then each plan section's height at a 1366×768 laptop screen, with a full-page screenshot per section in
// bench/results/journey-<section>.png.

export interface JourneyOptions {
  connectionString: string;
  small: boolean;
  log: (line: string) => void;
  /** Where the screenshots go (bench/results by default). */
  screenshotDir?: string;
}

/** Issue 17: "total clicks at most 120 (from about 270)". */
export const CLICK_TARGET = 120;
export const CLICKS_BEFORE = 270;

const VIEWPORT = { width: 1366, height: 768 };
const LEADER = 'lene';
// ---- What the leader sets up: the handbook's network ----------------------------------------------------------------

interface Person {
  name: string;
  email: string;
  unit: string;
  kind: 'core' | 'along';
}

const NETWORK = {
  name: 'Læringsnetværk om deleøkonomi',
  type: 'Læringsnetværk',
  theme: 'Hvad kan deleøkonomi betyde for kommunens opgaver?',
  purpose: 'Deleøkonomi kan give borgerne nye muligheder og kommunen nye måder at løse sine opgaver på.',
  subthemes: ['Hvad er deleøkonomi?', 'Jura, regler og muligheder', 'Deleøkonomi i praksis'],
};

const PEOPLE: Person[] = [
  { name: 'Helle Hansen', email: 'helle.hansen@kommune.example', unit: 'Socialpsykiatrien', kind: 'core' },
  { name: 'Omar Said', email: 'omar.said@kommune.example', unit: 'Økonomi og Styring', kind: 'core' },
  { name: 'Karen Mortensen', email: 'karen.mortensen@kommune.example', unit: 'Teknik og Miljø', kind: 'core' },
  { name: 'Jens Jensen', email: 'jens.jensen@kommune.example', unit: 'Jobcenteret', kind: 'core' },
  { name: 'Lis Andersen', email: 'lis.andersen@kommune.example', unit: 'Borgerservice', kind: 'core' },
  { name: 'Søren Sørensen', email: 'soren.sorensen@borger.example', unit: 'Borger i kommunen', kind: 'along' },
  { name: 'Mette Holm', email: 'mette.holm@universitet.example', unit: 'Aalborg Universitet', kind: 'along' },
];
const CORE = PEOPLE.filter((p) => p.kind === 'core');
const ALONG = PEOPLE.filter((p) => p.kind === 'along');

const REFERENCE_LEADER = { name: 'Birgitte Lund', email: 'birgitte.lund@kommune.example' };
const PLACE = 'Rådhuset, mødelokale 2';
const START = '13';

/** Who comes when (the matrix): every core participant to every meeting, each along-the-way person to one. */
const ALONG_AT: Record<string, number> = { 'Søren Sørensen': 1, 'Mette Holm': 2 };
/** One contribution per meeting, by a core participant. */
const CONTRIBUTIONS = [
  { name: 'Jens Jensen', text: 'Oplæg om deleøkonomi i jobcenteret' },
  { name: 'Omar Said', text: 'Gennemgang af regler for udlån' },
  { name: 'Karen Mortensen', text: 'Case: delebiler i Teknik og Miljø' },
  { name: 'Helle Hansen', text: 'Faciliterer analysen' },
];

/** The agenda: four rows typed (Tab between cells, Enter for the next row), three pasted as a block from Excel. */
const AGENDA_TYPED = [
  ['', 'Velkomst og check-in', 'Runde i plenum', 'Alle er landet'],
  ['', 'Oplæg om deleøkonomi', 'Jens fortæller', 'Fælles sprog'],
  ['', 'Gruppesamtale', 'Grupper á fire', 'Alle får udbytte'],
  ['14:15', 'Pause', '', ''],
];
const AGENDA_PASTED = [
  ['14:30', 'Opsamling i plenum', 'Tavlen', 'Fælles refleksion'],
  ['15:15', 'Personlig refleksion', 'Hver for sig', 'Egen læring'],
  ['15:45', 'Næste møde', 'Forslag på tavlen', 'Alle tager ansvar'],
];

const SUMMARY = [
  ['Tema/potentialer', 'Deleøkonomi kan frigøre ressourcer, hvis reglerne er klare.'],
  ['Væsentlige læringspointer', 'Borgerne deler allerede meget; kommunen kan understøtte det.'],
  ['Handlemuligheder for at sætte læringen i spil i organisationen', 'Afprøv et udlånssted i Borgerservice.'],
];

const CATEGORIES = ['Skjulte skatte', 'Paradokser'];
const NOTES = [
  { category: 'Skjulte skatte', text: 'Frivillige vil gerne stå for udlån', priority: 'Prioriteret' },
  { category: 'Paradokser', text: 'Reglerne hindrer det, vi gerne vil fremme', priority: 'Prioriteret' },
  { category: 'Skjulte skatte', text: 'Gamle lokaler står tomme om aftenen', priority: 'Fravalgt' },
];
const IDEA = { text: 'Et udlånssted for værktøj i Borgerservice', owner: 'Lis Andersen' };

/** The plan's sections as its tab list names them (Danish), in the tab list's order. */
export const PLAN_SECTIONS = [
  { id: 'theme', tab: 'Tema' },
  { id: 'participants', tab: 'Deltagere' },
  { id: 'invitations', tab: 'Invitationer' },
  { id: 'meetings', tab: 'Møder' },
  { id: 'planner', tab: 'Planlægningsredskab' },
  { id: 'agenda', tab: 'Dagsorden' },
  { id: 'reflections', tab: 'Refleksioner' },
  { id: 'summary', tab: 'Opsamling' },
  { id: 'analysis', tab: 'Analyse' },
  { id: 'calendar', tab: 'Kalender' },
  { id: 'timeline', tab: 'Forløb' },
] as const;

// ---- Counting ---------------------------------------------------------------------------------------------------------

export interface Tally {
  /** Mouse clicks, an option chosen in a dropdown included (a native <select> is two: open it, pick). */
  clicks: number;
  /** Characters typed. */
  typed: number;
  tabs: number;
  enters: number;
  /** Other keys: arrows, Space, Escape. */
  otherKeys: number;
  /** Ctrl+V presses (one keystroke each); what they pasted is in pastedChars. */
  pastes: number;
  pastedChars: number;
}

export interface StepResult extends Tally {
  step: string;
  title: string;
  keystrokes: number;
  ms: number;
  notes: string[];
  /** What was counted, in order: "click getByRole('button', …)", "type 12", "Tab", "paste 411". */
  actions: string[];
}

const emptyTally = (): Tally => ({ clicks: 0, typed: 0, tabs: 0, enters: 0, otherKeys: 0, pastes: 0, pastedChars: 0 });
const keystrokesOf = (t: Tally) => t.typed + t.tabs + t.enters + t.otherKeys + t.pastes;

/**
 * Every action the journey takes on the page goes through here and is counted: click → 1 click; choose (a native
 * select) → 2 clicks; fill/type → one keystroke per character (and a click first when the field does not have focus:
 * a person has to get there); press → Tab / Enter / other key; paste → one Ctrl+V. Waiting and reading are free.
 */
export class Recorder {
  readonly steps: StepResult[] = [];
  private current?: StepResult;
  private started = 0;

  constructor(private readonly page: () => Page) {}

  begin(step: string, title: string): void {
    this.end();
    this.current = { step, title, ...emptyTally(), keystrokes: 0, ms: 0, notes: [], actions: [] };
    this.started = hr();
  }

  end(): void {
    if (!this.current) return;
    this.current.keystrokes = keystrokesOf(this.current);
    this.current.ms = round(hr() - this.started);
    this.steps.push(this.current);
    this.current = undefined;
  }

  note(text: string): void {
    this.tally().notes.push(text);
  }

  private tally(): StepResult {
    if (!this.current) throw new Error('Recorder: no step begun');
    return this.current;
  }

  async click(target: Locator): Promise<void> {
    await target.click();
    this.tally().clicks += 1;
    this.tally().actions.push(`click ${target}`);
  }

  /** A native <select>: open it and pick the option (two clicks). */
  async choose(select: Locator, label: string | RegExp): Promise<void> {
    const value = await select.locator('option').filter({ hasText: label }).first().getAttribute('value');
    if (value === null) throw new Error(`no option ${label} in ${select}`);
    await select.selectOption(value);
    this.tally().clicks += 2;
    this.tally().actions.push(`choose ${label} in ${select} (2 clicks)`);
  }

  /** Into a field: a click first unless it already has focus, then the text typed (replacing what the field held). */
  async fill(field: Locator, text: string): Promise<void> {
    if (!(await hasFocus(field))) await this.click(field);
    await field.fill(text);
    this.tally().typed += text.length;
    this.tally().actions.push(`type ${text.length}`);
  }

  /** Typed key by key where focus is (for the cells that act on keys). */
  async type(text: string): Promise<void> {
    await this.page().keyboard.type(text);
    this.tally().typed += text.length;
    this.tally().actions.push(`type ${text.length}`);
  }

  async press(key: string): Promise<void> {
    await this.page().keyboard.press(key);
    const tally = this.tally();
    tally.actions.push(key);
    if (/(^|\+)Tab$/.test(key)) tally.tabs += 1;
    else if (/(^|\+)Enter$/.test(key)) tally.enters += 1;
    else tally.otherKeys += 1;
  }

  /** What the leader copied elsewhere (last year's Word file, an e-mail), pasted where focus is: one Ctrl+V. */
  async paste(text: string): Promise<void> {
    const page = this.page();
    await page.evaluate(async (plain) => {
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': new Blob([plain], { type: 'text/plain' }) })]);
    }, text);
    await page.keyboard.press('Control+V');
    const tally = this.tally();
    tally.pastes += 1;
    tally.pastedChars += text.length;
    tally.actions.push(`Ctrl+V (${text.length} characters)`);
  }

  total(): Tally & { keystrokes: number } {
    const sum = emptyTally();
    for (const step of this.steps) for (const key of Object.keys(sum) as (keyof Tally)[]) sum[key] += step[key];
    return { ...sum, keystrokes: keystrokesOf(sum) };
  }
}

const hasFocus = (locator: Locator) =>
  locator.evaluate((element) => element === document.activeElement || element.contains(document.activeElement), undefined, { timeout: 5_000 });

/** Throws unless focus is where the keyboard path expects it: the count would be wrong otherwise. */
async function expectFocus(locator: Locator, what: string): Promise<void> {
  let problem = '';
  for (let i = 0; i < 20; i++) {
    if (await hasFocus(locator).catch((error: Error) => ((problem = error.message.split('\n')[0]!), false))) return;
    await sleep(50);
  }
  const page = locator.page();
  const focused = await page.evaluate(() => {
    const e = document.activeElement;
    return e ? `${e.tagName.toLowerCase()} ${e.getAttribute('aria-label') ?? e.getAttribute('name') ?? e.id ?? ''}` : 'nothing';
  });
  throw new Error(`journey: expected focus on ${what}, it is on ${focused}${problem ? ` (${problem})` : ''}`);
}

/** Until the section's requests are answered: no spinner, then a moment for the last render. */
async function settle(page: Page): Promise<void> {
  const spinners = page.locator('.fui-Spinner');
  for (let i = 0; i < 100 && (await spinners.count()) > 0; i++) await sleep(100);
  await sleep(250);
}

// ---- The journey ------------------------------------------------------------------------------------------------------

/** dd.mm.yyyy as a Dane types it (no leading zeros). */
const typedDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
};

/** The four meeting dates: Tuesdays from two weeks on, four weeks apart; the last is the closing meeting. */
export function meetingDates(today: string): string[] {
  let first = addDays(today, 14);
  while (new Date(`${first}T12:00:00Z`).getUTCDay() !== 2) first = addDays(first, 1);
  return [0, 28, 56, 84].map((days) => addDays(first, days));
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

async function createNetwork(r: Recorder, page: Page, base: string): Promise<void> {
  await page.goto(`${base}/tabs/index.html`);
  r.begin('create', 'Create the network (Mine netværk → Opret netværk)');
  await r.fill(page.getByLabel('Netværkets navn'), NETWORK.name);
  await r.click(page.getByRole('radio', { name: NETWORK.type }));
  await r.fill(page.getByRole('textbox', { name: 'Tema', exact: true }), NETWORK.theme);
  r.note('start date today and end date +6 months as suggested');
  await r.click(page.getByRole('button', { name: 'Opret netværk' }));
  await page.waitForURL(/\/tabs\/plan\.html\?networkId=/);
  await page.getByRole('heading', { level: 2, name: 'Udfold netværkets tema' }).or(page.getByRole('tab', { name: 'Tema', exact: true })).first().waitFor();
}

async function theme(r: Recorder, page: Page): Promise<void> {
  r.begin('theme', 'Theme: purpose and 3 subthemes (Tema)');
  await page.getByRole('tab', { name: 'Tema', exact: true, selected: true }).waitFor();
  await r.fill(page.getByLabel('Hvorfor er temaet interessant?'), NETWORK.purpose);
  await r.click(page.getByRole('button', { name: 'Gem temaet' }));
  await page.getByText(/Gemt som version \d+/).waitFor();
  const title = page.getByRole('textbox', { name: 'Undertema', exact: true });
  for (const subtheme of NETWORK.subthemes) {
    if (!(await hasFocus(title))) await r.click(title);
    await r.type(subtheme);
    await r.press('Enter');
    // Typed on only once it is saved: the form empties itself after the save.
    await page.getByRole('listitem').filter({ hasText: subtheme }).first().waitFor();
    await waitForValue(title, '');
  }
}

async function waitForValue(field: Locator, value: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await field.inputValue()) === value) return;
    await sleep(50);
  }
  throw new Error(`journey: ${field} did not become "${value}"`);
}

/** The bulk path (a dialog "Tilføj flere" with "Navne og e-mails"), when the app has it. False when it has not. */
async function participantsInBulk(r: Recorder, page: Page): Promise<boolean> {
  const more = page.getByRole('button', { name: 'Tilføj flere', exact: true });
  if ((await more.count()) === 0) return false;
  await r.click(more);
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const pasteTab = dialog.getByRole('tab', { name: 'Indsæt liste' });
  if ((await pasteTab.count()) > 0 && (await pasteTab.getAttribute('aria-selected')) !== 'true') await r.click(pasteTab);
  const list = dialog.getByLabel('Navne og e-mails');
  if (!(await hasFocus(list))) await r.click(list);
  // As copied from a spreadsheet: name, e-mail, unit.
  await r.paste(PEOPLE.map((p) => `${p.name}\t${p.email}\t${p.unit}`).join('\n'));
  // The along-the-way people: their kind in the preview's row.
  for (const person of ALONG) {
    const row = dialog.getByRole('row').filter({ hasText: person.name });
    await row.waitFor();
    await setAlongInRow(r, row);
  }
  await r.click(dialog.getByRole('button', { name: `Tilføj ${PEOPLE.length} deltagere` }));
  await dialog.waitFor({ state: 'detached' });
  return true;
}

/** A preview row's kind control, whichever it is: a radio, a native select or a Fluent dropdown. */
async function setAlongInRow(r: Recorder, row: Locator): Promise<void> {
  const along = /Undervejs|Inddrages løbende/;
  const radio = row.getByRole('radio', { name: along });
  if ((await radio.count()) > 0) return r.click(radio.first());
  const select = row.locator('select').filter({ has: row.page().locator('option', { hasText: along }) });
  if ((await select.count()) > 0) return r.choose(select.first(), along);
  const combobox = row.getByRole('combobox').first();
  await r.click(combobox);
  await r.click(row.page().getByRole('option', { name: along }));
}

/** One at a time: "Tilføj deltager", then the form by keyboard (name, role, kind, unit, e-mail) and Enter. */
async function participantsOneByOne(r: Recorder, page: Page): Promise<void> {
  for (const person of PEOPLE) {
    await r.click(page.getByRole('button', { name: 'Tilføj deltager', exact: true }));
    const form = page.getByRole('form', { name: 'Ny deltager' });
    await expectFocus(form.getByLabel('Navn'), 'Navn');
    await r.type(person.name);
    await r.press('Tab'); // Rolle (Medarbejder, as suggested)
    await r.press('Tab'); // Deltagertype: Kernedeltager
    if (person.kind === 'along') await r.press('ArrowDown');
    await r.press('Tab');
    await expectFocus(form.getByLabel('Enhed eller organisation'), 'Enhed eller organisation');
    await r.type(person.unit);
    await r.press('Tab');
    await expectFocus(form.getByLabel('E-mail'), 'E-mail');
    await r.type(person.email);
    await r.press('Enter');
    await form.waitFor({ state: 'detached' });
    await page.getByRole('rowheader', { name: new RegExp(`^${person.name}`) }).waitFor();
  }
}

async function participants(r: Recorder, page: Page): Promise<'bulk' | 'one-by-one'> {
  r.begin('participants', '5 core + 2 along-the-way, the reference leader (Deltagere)');
  await r.click(page.getByRole('tab', { name: 'Deltagere', exact: true }));
  await page.getByRole('heading', { level: 2, name: 'Deltagere' }).waitFor();
  await page.getByRole('button', { name: 'Tilføj deltager', exact: true }).waitFor();
  const path = (await participantsInBulk(r, page)) ? 'bulk' : 'one-by-one';
  if (path === 'one-by-one') await participantsOneByOne(r, page);
  r.note(path === 'bulk' ? 'bulk: "Tilføj flere", the list pasted' : 'one by one: no "Tilføj flere" button in this build');
  for (const person of PEOPLE) await page.getByRole('rowheader', { name: new RegExp(`^${person.name}`) }).waitFor();

  // The reference leader (the delivery goes to her): from Chefforum, by name and e-mail.
  await r.click(page.getByRole('button', { name: 'Vælg referenceleder' }));
  const form = page.getByRole('form', { name: 'Vælg referenceleder' });
  await expectFocus(form.getByRole('radio', { name: 'En af netværkets deltagere' }), 'the form’s first choice');
  await r.press('ArrowDown'); // "En anden: skriv navn og e-mail"
  await r.press('Tab');
  await expectFocus(form.getByRole('textbox', { name: 'Navn', exact: true }), 'Navn');
  await r.type(REFERENCE_LEADER.name);
  await r.press('Tab');
  await r.type(REFERENCE_LEADER.email);
  await r.press('Enter');
  await page.getByRole('region', { name: 'Referenceleder', exact: true }).getByTestId('role-holder-referenceLeader').getByText(REFERENCE_LEADER.name).waitFor();
  return path;
}

async function invitations(r: Recorder, page: Page): Promise<void> {
  r.begin('invitations', '7 personal invitations marked sent by e-mail (Invitationer)');
  await r.click(page.getByRole('tab', { name: 'Invitationer', exact: true }));
  for (const person of PEOPLE) {
    await r.click(page.getByRole('button', { name: `Skriv invitation til ${person.name}` }));
    const editor = page.getByRole('region', { name: `Invitation til ${person.name}` });
    await editor.waitFor();
    await r.click(editor.getByRole('button', { name: 'Markér som sendt pr. e-mail' }));
    await editor.getByText(`Noteret: invitationen til ${person.name} er sendt.`).waitFor();
  }
  r.note('nobody has Teams in a standalone run: "Send i Teams" is not offered');
}

async function meetings(r: Recorder, page: Page, dates: string[]): Promise<void> {
  r.begin('meetings', '4 meetings: date, time, place; the last one closing (Møder)');
  await r.click(page.getByRole('tab', { name: 'Møder', exact: true }));
  for (const [index, date] of dates.entries()) {
    const closing = index === dates.length - 1;
    await r.click(page.getByRole('button', { name: 'Tilføj møde' }));
    const form = page.getByRole('form', { name: 'Nyt møde' });
    await expectFocus(form.getByLabel('Undertema'), 'Undertema (the next subtheme suggested)');
    await r.press('Tab');
    if (closing) await r.press('Space'); // "Afsluttende møde"
    await r.press('Tab');
    await expectFocus(form.getByLabel('Dato'), 'Dato');
    await r.type(typedDate(date));
    await r.press('Tab');
    await r.type(START); // the start, selected on Tab; the end follows (+3 hours)
    await r.press('Tab');
    await r.press('Tab');
    await expectFocus(form.getByLabel('Sted'), 'Sted');
    await r.type(PLACE);
    await r.press('Enter');
    await form.waitFor({ state: 'detached' });
  }
  await page.getByRole('list', { name: 'Møder' }).getByRole('listitem').nth(dates.length - 1).waitFor();
}

async function planner(r: Recorder, page: Page, count: number): Promise<void> {
  r.begin('planner', 'Who comes when (matrix) + one contribution per meeting (Planlægningsredskab)');
  await r.click(page.getByRole('tab', { name: 'Planlægningsredskab', exact: true }));
  await r.click(page.getByRole('button', { name: 'Matrix', exact: true }));
  const matrix = page.getByRole('table', { name: 'Hvem deltager i hvilke møder' });
  await matrix.waitFor();
  const cells: { name: string; meeting: number }[] = [
    ...CORE.flatMap((p) => Array.from({ length: count }, (_v, meeting) => ({ name: p.name, meeting }))),
    ...ALONG.map((p) => ({ name: p.name, meeting: ALONG_AT[p.name]! })),
  ];
  for (const { name, meeting } of cells) {
    const box = matrix.getByRole('checkbox', { name: new RegExp(`^${name} på `) }).nth(meeting);
    await r.click(box);
    await waitChecked(box);
  }
  await r.click(page.getByRole('button', { name: 'Pr. møde', exact: true }));
  for (const [index, { name, text }] of CONTRIBUTIONS.slice(0, count).entries()) {
    const meeting = page.getByRole('region', { name: /^(Netværksmøde \d|Afsluttende møde)/ }).nth(index);
    await r.click(meeting.getByRole('button', { name: new RegExp(`^Bidrag: ${name} på `) }));
    await r.type(text);
    await r.press('Enter');
    await meeting.getByRole('button', { name: new RegExp(`^Bidrag: ${name} på .*${text}`) }).waitFor();
  }
  r.note(`matrix: ${cells.length} cells ticked`);
}

async function waitChecked(box: Locator): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await box.isChecked()) && (await box.getAttribute('aria-busy')) !== 'true') return;
    await sleep(50);
  }
  throw new Error(`journey: ${box} was not ticked`);
}

async function agenda(r: Recorder, page: Page): Promise<void> {
  r.begin('agenda', 'Agenda of 7 items: 4 typed (Tab, Enter), 3 pasted from Excel (Dagsorden)');
  await r.click(page.getByRole('tab', { name: 'Dagsorden', exact: true }));
  const cell = (column: string, number: number) => page.getByRole('textbox', { name: `${column}, punkt ${number}`, exact: true });
  await r.click(cell('Indhold', 1)); // the first row is there, at the meeting's start
  for (const [index, [time, content, process, purpose]] of AGENDA_TYPED.entries()) {
    if (index > 0) {
      // Enter in the last cell made this row; its time is suggested and selected: type over it or Tab past it.
      if (time) await r.type(time);
      await r.press('Tab');
    }
    await r.type(content!);
    await r.press('Tab');
    if (process) await r.type(process);
    await r.press('Tab');
    if (purpose) await r.type(purpose);
    await r.press('Enter');
  }
  await expectFocus(cell('Tid', AGENDA_TYPED.length + 1), `Tid, punkt ${AGENDA_TYPED.length + 1}`);
  await r.paste(AGENDA_PASTED.map((row) => row.join('\t')).join('\n'));
  await cell('Indhold', AGENDA_TYPED.length + AGENDA_PASTED.length).waitFor();
  const form = page.getByRole('form', { name: /^Dagsorden til / });
  await r.click(form.getByRole('button', { name: 'Gem', exact: true }));
  await page.getByRole('status').filter({ hasText: /Dagsordenen til .* er gemt\./ }).first().waitFor({ state: 'attached' });
  await form.getByText(/Gemt kl\. /).waitFor();
}

async function calendar(r: Recorder, page: Page): Promise<void> {
  r.begin('calendar', 'Book the series: the .ics file (Kalender)');
  await r.click(page.getByRole('tab', { name: 'Kalender', exact: true }));
  const download = page.waitForEvent('download');
  await r.click(page.getByRole('button', { name: 'Hent hele serien (.ics)' }));
  const file = await download;
  r.note(`downloaded ${file.suggestedFilename()}`);
  await page.getByText(/er hentet\. Send filen til deltagerne\./).waitFor();
}

async function summary(r: Recorder, page: Page): Promise<void> {
  r.begin('summary', 'The joint summary of meeting 1, 3 of its 6 fields (Opsamling)');
  await r.click(page.getByRole('tab', { name: 'Opsamling', exact: true }));
  const form = page.getByRole('form', { name: /^Opsamling fra / });
  for (const [label, text] of SUMMARY) await r.fill(form.getByLabel(label!, { exact: true }), text!);
  await r.click(form.getByRole('button', { name: 'Gem', exact: true }));
  await form.getByText(/Gemt kl\. /).waitFor();
  r.note('meeting 1 is the one offered; it is in the future here, so the section says it has not been held yet');
}

async function analysis(r: Recorder, page: Page): Promise<void> {
  r.begin('analysis', '2 categories, 3 notes prioritised or left out, 1 idea parked with its owner (Analyse)');
  await r.click(page.getByRole('tab', { name: 'Analyse', exact: true }));
  for (const category of CATEGORIES) {
    const box = page.getByRole('checkbox', { name: category, exact: true });
    await r.click(box);
    await page.getByRole('heading', { level: 4, name: new RegExp(`^${category}`) }).waitFor();
    await waitChecked(box);
  }
  for (const note of NOTES) {
    const form = page.getByRole('form', { name: `Ny note til ${note.category}` });
    await r.fill(form.getByRole('textbox'), note.text);
    await r.click(form.getByRole('button', { name: 'Tilføj note' }));
    await page.getByRole('list', { name: note.category }).getByRole('listitem').filter({ hasText: note.text }).waitFor();
    await waitForValue(form.getByRole('textbox'), '');
  }
  // Sorting: each note prioritised or left out.
  for (const note of NOTES) {
    await r.click(page.getByRole('button', { name: `Rediger noten „${note.text}“` }));
    const form = page.getByRole('form', { name: 'Rediger noten' });
    await r.click(form.getByRole('radio', { name: note.priority }));
    await r.click(form.getByRole('button', { name: 'Gem', exact: true }));
    await form.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: note.category }).getByRole('listitem').filter({ hasText: note.text }).filter({ hasText: note.priority }).waitFor();
  }
  const park = page.getByRole('form', { name: 'Parkér en idé' });
  await r.fill(park.getByLabel('Idéen'), IDEA.text);
  await r.choose(park.getByLabel('Tovholder (valgfrit)'), IDEA.owner);
  await r.click(park.getByRole('button', { name: 'Parkér idé' }));
  await waitForValue(park.getByLabel('Idéen'), '');
  await page.getByRole('region', { name: 'Materialet' }).getByText(IDEA.text).first().waitFor();
}

async function delivery(r: Recorder, page: Page): Promise<number> {
  r.begin('delivery', 'Delivery: fill from the draft, 2 recommendations ordered, status sent (Leverance)');
  await r.click(page.getByRole('link', { name: 'Åbn leverancen til Chefforum' }));
  await page.waitForURL(/\/tabs\/delivery\.html/);
  await r.click(page.getByRole('button', { name: 'Fyld ud fra opsamlinger og analyse' }));
  await page.getByText(/^Udfyldt: /).waitFor();
  const recommendations = page.getByRole('list', { name: 'Prioriterede anbefalinger' }).getByRole('listitem');
  const count = await recommendations.count();
  r.note(`${count} recommendations from the prioritised notes`);
  if (count >= 2) await r.click(page.getByRole('button', { name: 'Flyt ned: anbefaling 1' }));
  // The status button saves the draft with the new status: no separate Save.
  await r.click(page.getByRole('button', { name: 'Markér som sendt til referencelederen' }));
  await page.locator('[aria-current="step"]').filter({ hasText: 'Sendt til referencelederen' }).waitFor();
  return count;
}

// ---- Heights and screenshots ---------------------------------------------------------------------------------------

export interface SectionHeight {
  section: string;
  tab: string;
  /** The section element itself (the delivery page: its <main>). */
  sectionPx: number;
  /** Above it on the plan page: the network's name, the delivery link, the advice line, the reach panel, the tab list. */
  headerPx: number;
  /** The whole page as Teams shows it (document height less the standalone page's development-identity bar). */
  pagePx: number;
  /** The development-identity bar above <main> (standalone pages only; not in Teams, not in pagePx). */
  devBarPx: number;
  /** Laptop screens to scroll through (page ÷ 768, rounded up). */
  screens: number;
  fits: string;
  /** Navigation inside the section (landmarks, tab lists, in-page links); the plan's own tab list is above every section. */
  inSectionNav: string;
  screenshot: string;
}

async function measure(page: Page, selector: string): Promise<{ sectionPx: number; headerPx: number; pagePx: number; devBarPx: number; nav: string[] }> {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    const main = document.querySelector('main');
    if (!element || !main) throw new Error(`no ${css}`);
    const box = element.getBoundingClientRect();
    const mainTop = main.getBoundingClientRect().top + window.scrollY;
    // No named inner functions: tsx (esbuild) would wrap them in a helper the page lacks.
    const nav = [
      ...Array.from(element.querySelectorAll('nav, [role="navigation"]')).map((n) => ['nav', n] as const),
      ...Array.from(element.querySelectorAll('[role="tablist"]')).map((n) => ['tab list', n] as const),
      ...Array.from(element.querySelectorAll('a[href^="#"]')).map((n) => ['link', n] as const),
    ].map(([kind, n]) => `${kind} “${(n.getAttribute('aria-label') ?? n.textContent ?? '').trim().slice(0, 40)}”`);
    return {
      sectionPx: box.height,
      // What the plan page puts above the section: its heading, the delivery link, the advice line, the reach panel, the tab list.
      headerPx: element === main ? 0 : box.top + window.scrollY - mainTop,
      // The page as Teams shows it: without the development-identity bar a standalone page has above <main>.
      pagePx: document.documentElement.scrollHeight - mainTop,
      devBarPx: mainTop,
      nav,
    };
  }, selector);
}

function fitsText(sectionPx: number, pagePx: number): string {
  if (pagePx <= VIEWPORT.height) return 'yes, the whole page';
  if (sectionPx <= VIEWPORT.height) return 'the section alone (not with the header)';
  return 'no';
}

async function measureSections(page: Page, base: string, networkId: string, dir: string): Promise<SectionHeight[]> {
  const rows: SectionHeight[] = [];
  /** Measures `selector` on the page as it stands, with a full-page screenshot. */
  const record = async (section: string, tab: string, selector: string, noNav: string) => {
    await settle(page);
    const m = await measure(page, selector);
    const file = path.join(dir, `journey-${section}.png`);
    await page.screenshot({ path: file, fullPage: true });
    rows.push({
      section,
      tab,
      sectionPx: Math.round(m.sectionPx),
      headerPx: Math.round(m.headerPx),
      pagePx: Math.round(m.pagePx),
      devBarPx: Math.round(m.devBarPx),
      screens: Math.ceil(m.pagePx / VIEWPORT.height),
      fits: fitsText(m.sectionPx, m.pagePx),
      inSectionNav: m.nav.length ? m.nav.join(', ') : noNav,
      screenshot: path.relative(ROOT, file),
    });
  };
  await page.goto(`${base}/tabs/plan.html?networkId=${encodeURIComponent(networkId)}`);
  await page.getByRole('tablist').waitFor();
  const tabCount = await page.getByRole('tablist').getByRole('tab').count();
  const selector = 'main > [role="tablist"] ~ section';
  for (const { id, tab } of PLAN_SECTIONS) {
    await openTab(page, tab);
    await page.locator(selector).getByRole('heading', { level: 2 }).first().waitFor();
    await record(id, tab, selector, `none (the plan's tab list of ${tabCount} above)`);
  }
  // The delivery page: its <main> is the page.
  await page.goto(`${base}/tabs/delivery.html?networkId=${encodeURIComponent(networkId)}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await record('delivery', 'Leverance (delivery.html)', 'main', 'none');
  return rows;
}

// ---- Running it -------------------------------------------------------------------------------------------------------

function buildTabs(outDir: string): Promise<number> {
  const start = hr();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.config.mjs', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', (code) => (code === 0 ? resolve(hr() - start) : reject(new Error(`vite build exited with ${code}`))));
  });
}

export async function runJourney(options: JourneyOptions) {
  const dir = options.screenshotDir ?? path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netvaerk-bench-journey-'));
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  try {
    options.log(`journey: vite build into ${outDir}…`);
    await buildTabs(outDir);
    const prefix = uniqueTablePrefix('journey');
    await ensureTables(createTables({ connectionString: options.connectionString, prefix }));
    const instance = await startInstance({ connectionString: options.connectionString, tablePrefix: prefix, scheduler: false, instanceId: 'journey', tabsDir: outDir });
    const recorder = new Recorder(() => page);
    let page!: Page;
    let participantPath: 'bulk' | 'one-by-one' = 'one-by-one';
    let recommendations = 0;
    let sections: SectionHeight[] = [];
    let networkId = '';
    try {
      browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, timeout: 30_000 });
      context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: VIEWPORT, acceptDownloads: true });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: instance.url });
      await context.addInitScript((user) => localStorage.setItem('netvaerk.devUser', user), LEADER);
      page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const dates = meetingDates(todayInCopenhagen(new Date()));
      const base = instance.url;
      const steps: [string, () => Promise<unknown>][] = [
        ['create', () => createNetwork(recorder, page, base)],
        ['theme', () => theme(recorder, page)],
        ['participants', async () => (participantPath = await participants(recorder, page))],
        ['invitations', () => invitations(recorder, page)],
        ['meetings', () => meetings(recorder, page, dates)],
        ['planner', () => planner(recorder, page, dates.length)],
        ['agenda', () => agenda(recorder, page)],
        ['calendar', () => calendar(recorder, page)],
        ['summary', () => summary(recorder, page)],
        ['analysis', () => analysis(recorder, page)],
        ['delivery', async () => (recommendations = await delivery(recorder, page))],
      ];
      for (const [name, run] of steps) {
        options.log(`journey: ${name}…`);
        try {
          await run();
          if (name === 'create') networkId = new URL(page.url()).searchParams.get('networkId') ?? '';
        } catch (error) {
          const shot = path.join(dir, `journey-failed-${name}.png`);
          await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
          throw new Error(`journey step "${name}" failed (screenshot ${path.relative(ROOT, shot)}): ${(error as Error).message}`);
        }
      }
      recorder.end();
      options.log('journey: measuring each section at 1366×768…');
      sections = await measureSections(page, base, networkId, dir);
    } finally {
      await context?.close().catch(() => undefined);
      await browser?.close();
      await instance.stop();
    }

    const total = recorder.total();
    const steps = recorder.steps.map((s) => ({ ...s, pasted: s.pastes ? `${s.pastes} (${s.pastedChars} chars)` : '' }));
    const totals = {
      ...total,
      clicksVsTarget: ratio(total.clicks, CLICK_TARGET),
      clicksVsBefore: ratio(total.clicks, CLICKS_BEFORE),
      withinTarget: total.clicks <= CLICK_TARGET,
    };
    const text = [
      table(
        `Set-up journey in headless Chromium at ${VIEWPORT.width}×${VIEWPORT.height} (participants: ${participantPath}); clicks and keystrokes per step`,
        [
          { key: 'step', title: 'step' },
          { key: 'clicks', title: 'clicks' },
          { key: 'typed', title: 'typed chars' },
          { key: 'tabs', title: 'Tab' },
          { key: 'enters', title: 'Enter' },
          { key: 'otherKeys', title: 'other keys' },
          { key: 'pasted', title: 'Ctrl+V (pasted)' },
          { key: 'keystrokes', title: 'keystrokes' },
          { key: 'ms', title: 'ms' },
          { key: 'title', title: 'what', align: 'left' },
        ],
        [...steps, { step: 'total', ...total, pasted: total.pastes ? `${total.pastes} (${total.pastedChars} chars)` : '', ms: round(steps.reduce((s, x) => s + x.ms, 0)), title: '' }],
      ),
      `  clicks: ${total.clicks} against the target ≤ ${CLICK_TARGET} (${totals.clicksVsTarget} of it) and the issue's ~${CLICKS_BEFORE} before (${totals.clicksVsBefore} of it)` +
        ` — keystrokes ${total.keystrokes} (${total.typed} typed characters, ${total.tabs} Tab, ${total.enters} Enter, ${total.otherKeys} other, ${total.pastes} Ctrl+V)`,
      ...recorder.steps.filter((s) => s.notes.length).map((s) => `  ${s.step}: ${s.notes.join('; ')}`),
      table(
        `Height of each section after the set-up at ${VIEWPORT.width}×${VIEWPORT.height} (screenshots in ${path.relative(ROOT, dir)}/journey-<section>.png)`,
        [
          { key: 'tab', title: 'section', align: 'left' },
          { key: 'sectionPx', title: 'section px' },
          { key: 'headerPx', title: 'above it px' },
          { key: 'pagePx', title: 'page px' },
          { key: 'screens', title: 'screens' },
          { key: 'fits', title: 'fits 768 px', align: 'left' },
          { key: 'inSectionNav', title: 'navigation inside it', align: 'left' },
        ],
        sections as unknown as Record<string, unknown>[],
      ),
      '  the plan page has a section navigation, its tab list: one section is shown at a time. "above it": the network\'s',
      '  name, the delivery link, the advice line, the reach panel and the tab list. "page": as in Teams, without the',
      `  standalone page's development-identity bar (${sections[0]?.devBarPx ?? '?'} px). "screens": page ÷ ${VIEWPORT.height} px, rounded up.`,
    ].join('\n');
    return {
      text,
      viewport: VIEWPORT,
      participantPath,
      recommendations,
      target: { clicks: CLICK_TARGET, before: CLICKS_BEFORE },
      steps: recorder.steps,
      totals,
      sections,
    };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

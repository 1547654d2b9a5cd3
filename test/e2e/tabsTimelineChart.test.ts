import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { formatDate, isoWeek, todayInCopenhagen, weeksOfPeriod, type PeriodWeek } from '../../bot/domain/dates';
import { meetingLabel } from '../../bot/domain/labels';
import type { Meeting, NetworkAggregate, PhaseStep } from '../../bot/domain/model';
import { uniqueTablePrefix } from '../../bot/storage/tables';
import { WELFARE_ID } from '../../scripts/examples';
import { seedExampleTables } from '../../scripts/seedExample';
import { clientFor, startTestApp } from '../support/testApp';
import AxeBuilder from '@axe-core/playwright';
import { launchChromium, openTab, screenshot, SCREENSHOT_DIR, wcagViolations } from '../support/chromium';
import { saveScreenshot } from '../support/browser';

// The process as a picture, in headless Chromium, on the example `npm run seed:example` loads: seed 000's 27-week
// welfare process (8 phases, 4 breaks, 5 network meetings, meetings with the reference leader, Chefforum at both ends;
// it started twelve weeks ago). Every bar and marker is there with a name that says what, which week and which date;
// the list below is reachable by keyboard as the chart's text equivalent; axe finds nothing; bars and markers stand
// out from the page (3:1); it fits a 1366×768 laptop without scrolling sideways and prints on one A4 landscape page.

jest.setTimeout(240_000);

const LAPTOP = { width: 1366, height: 768 };

describe('the process chart (Forløb) of the 27-week welfare example', () => {
  let app: App;
  let browser: Browser;
  let plan: NetworkAggregate;
  let weeks: PeriodWeek[];
  const today = todayInCopenhagen(new Date());

  beforeAll(async () => {
    const prefix = uniqueTablePrefix('timelinechart');
    await seedExampleTables({ connectionString: process.env.TEST_TABLES_CONNECTION_STRING!, prefix });
    [app, browser] = await Promise.all([startTestApp('timelinechart', { env: { TABLE_PREFIX: prefix } }), launchChromium()]);
    const loaded = await clientFor(app, 'lene').get(`/api/networks/${WELFARE_ID}`);
    expect(loaded.status).toBe(200);
    plan = loaded.body;
    weeks = weeksOfPeriod(plan.network.startDate, plan.network.endDate);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function openChart(user = 'lene', query = ''): Promise<Page> {
    const page = await openTab(browser, app.url, `/tabs/plan.html?networkId=${WELFARE_ID}${query}#timeline`, user);
    page.setDefaultTimeout(15_000);
    await page.setViewportSize(LAPTOP);
    await chart(page).waitFor();
    return page;
  }
  const chart = (page: Page) => page.getByRole('figure', { name: 'Forløbet på én side' });

  // What a screen reader says for each bar and marker: what it is, its ISO week(s) and its date(s), dd.mm.yyyy.
  const week = (index: number) => weeks[Math.min(Math.max(index, 1), weeks.length) - 1]!;
  const weeksAndDates = (s: PhaseStep) => {
    const from = week(s.startWeek);
    const to = week(s.endWeek);
    const span = from.index === to.index ? `uge ${from.week}` : `uge ${from.week}–${to.week}`;
    return `${span}, ${formatDate(from.monday)}–${formatDate(to.sunday)}`;
  };
  const markerWhen = (s: PhaseStep) => `uge ${week(s.startWeek).week}${s.date ? `, ${formatDate(s.date)}` : ''}`;
  const stepsOf = (kind: PhaseStep['kind']) => plan.phasePlan!.steps.filter((s) => s.kind === kind);
  const meetingName = (m: Meeting) => `${meetingLabel(m, plan.meetings, 'da')}, uge ${isoWeek(m.date).week}, ${formatDate(m.date)}`;

  function expectedNames(): { kind: string; name: string }[] {
    return [
      ...stepsOf('phase').map((s) => ({ kind: 'phase', name: `${s.title}, ${weeksAndDates(s)}` })),
      ...stepsOf('break').map((s) => ({ kind: 'break', name: `Pause, ${weeksAndDates(s)}` })),
      ...plan.meetings.map((m) => ({ kind: 'meeting', name: meetingName(m) })),
      ...stepsOf('referenceLeaderMeeting').map((s) => ({ kind: 'referenceLeaderMeeting', name: `Møde med referenceleder, ${markerWhen(s)}` })),
      ...stepsOf('chefforum').map((s) => ({ kind: 'chefforum', name: `${s.title}, ${markerWhen(s)}` })),
    ];
  }

  test('every phase, break, meeting, reference-leader meeting and Chefforum is in the chart with its name, inside the laptop screen', async () => {
    const page = await openChart();
    const figure = chart(page);
    const expected = expectedNames();
    // The example as the handbook's week-by-week process: 10 phases, 4 breaks, 5 meetings, Chefforum at start and delivery.
    expect(expected.filter((e) => e.kind === 'phase')).toHaveLength(10);
    expect(expected.filter((e) => e.kind === 'break')).toHaveLength(4);
    expect(expected.filter((e) => e.kind === 'meeting')).toHaveLength(5);
    expect(expected.filter((e) => e.kind === 'chefforum')).toHaveLength(2);
    expect(expected.filter((e) => e.kind === 'referenceLeaderMeeting').length).toBeGreaterThanOrEqual(2);
    expect(expected.map((e) => e.name)).toContain(`Netværksmøde 2 af 5, uge ${isoWeek(plan.meetings.find((m) => m.number === 2)!.date).week}, ${formatDate(plan.meetings.find((m) => m.number === 2)!.date)}`);

    const box = (await figure.getByTestId('timeline-chart-plot').boundingBox())!;
    for (const { kind, name } of expected) {
      const item = figure.getByRole('button', { name, exact: true });
      expect({ name, count: await item.count() }).toEqual({ name, count: 1 });
      expect({ name, kind: await item.getAttribute('data-kind') }).toEqual({ name, kind });
      const itemBox = (await item.boundingBox())!;
      // Drawn inside the chart, not cut off at either side.
      expect({ name, inside: itemBox.x >= box.x - 1 && itemBox.x + itemBox.width <= box.x + box.width + 1 }).toEqual({ name, inside: true });
    }
    // Exactly these: nothing drawn twice, nothing without a name.
    expect(await figure.locator('button[data-kind]').count()).toBe(expected.length);

    // The whole period fits a 1366-px laptop screen: no sideways scrolling.
    expect(await figure.getByTestId('timeline-chart-scroller').evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);

    // Today: a line in today's week, and the caption says which week that is.
    const todayWeek = isoWeek(today).week;
    await figure.getByText(`I dag, ${formatDate(today)}, er uge ${todayWeek} (den lodrette linje).`, { exact: false }).waitFor();
    await figure.getByText('I dag', { exact: true }).first().waitFor();
    await figure.getByText(/^27 uger fra uge \d+ \(\d\d\.\d\d\.\d{4}\) til uge \d+ \(\d\d\.\d\d\.\d{4}\): 10 faser, 4 pauser, 5 netværksmøder, \d+ møder med referencelederen og 2 møder i Chefforum\./).waitFor();

    // The legend says what each shape means in words.
    for (const word of ['Fase', 'Pause', 'Netværksmøde', 'Møde med referenceleder', 'Chefforum', 'I dag']) {
      await page.getByRole('list', { name: 'Forklaring' }).getByText(word, { exact: true }).waitFor();
    }

    // A marker's details on hover: the meeting's subtheme or title, time and place.
    const second = plan.meetings.find((m) => m.number === 2)!;
    await figure.getByRole('button', { name: meetingName(second) }).hover();
    const tip = page.getByRole('tooltip');
    await tip.getByText(`${formatDate(second.date)} kl. ${second.start}–${second.end}`).waitFor();
    await tip.getByText(second.location).waitFor();
    await tip.getByText('Klik for at se ugen i listen.').waitFor();
    await page.mouse.move(0, 0);
    await tip.waitFor({ state: 'detached' });

    expect(await wcagViolations(page)).toEqual([]);
    await figure.scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('[data-timeline-chart]')?.scrollIntoView({ block: 'start' }));
    const shot = await saveScreenshot(page, 'tabs-timeline-chart-welfare-1366x768');
    expect(shot).toMatch(/tabs-timeline-chart-welfare-1366x768\.png$/);
    await screenshot(page, 'tabs-timeline-chart-welfare-fullpage');
    await page.context().close();
  });

  test('by keyboard: one Tab into the chart, arrows between its items, Enter shows the week in the list, and the list is one link away', async () => {
    const page = await openChart('jens');
    const figure = chart(page);
    // A participant reads; nothing to edit.
    await figure.getByText('Klik eller tryk Enter for at se ugen i listen.', { exact: false }).waitFor();

    await figure.getByRole('button', { name: 'Udskriv diagrammet' }).focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => ({
      kind: document.activeElement?.getAttribute('data-kind') ?? null,
      name: document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
      id: document.activeElement?.id ?? '',
    }));
    const first = await focused();
    expect(first.kind).not.toBeNull();
    // The arrow keys move from item to item inside the chart.
    await page.keyboard.press('ArrowRight');
    const second = await focused();
    expect(second.kind).not.toBeNull();
    expect(second.name).not.toBe(first.name);
    // The focused item shows its details (what, when, what pressing it does).
    await page.getByRole('tooltip').getByText('Klik for at se ugen i listen.').waitFor();
    await saveScreenshot(page, 'tabs-timeline-chart-keyboard');
    // Tab leaves the chart: thirty-odd items are not thirty Tab presses.
    await page.keyboard.press('Tab');
    expect((await focused()).kind).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect((await focused()).name).toBe(second.name);

    // Enter on a network meeting: its week in the list gets focus, with the meeting in it.
    const meeting = plan.meetings.find((m) => m.number === 3)!;
    await figure.getByRole('button', { name: meetingName(meeting) }).focus();
    await page.keyboard.press('Enter');
    const row = page.locator(`#timeline-week-${weeks.findIndex((w) => w.week === isoWeek(meeting.date).week) + 1}`);
    await expect(row.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await row.getByText(`Netværksmøde 3 af 5`, { exact: false }).first().waitFor();

    // The text equivalent: the link in the chart's caption takes focus to the whole process as a list.
    const link = figure.getByRole('link', { name: 'Vis forløbet som liste' });
    await link.focus();
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('timeline-weeks');
    const list = page.getByRole('list', { name: 'Uger i netværkets periode' });
    for (const step of stepsOf('phase')) await list.getByText(step.title, { exact: true }).first().waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await page.context().close();
  });

  test('a leader opens a phase from the chart to edit it', async () => {
    const page = await openChart();
    const discovery = stepsOf('phase').find((s) => s.title === 'Fase 4: Opdagelse')!;
    await chart(page).getByRole('button', { name: `${discovery.title}, ${weeksAndDates(discovery)}` }).press('Enter');
    const dialog = page.getByRole('dialog', { name: `Rediger “${discovery.title}”` });
    await dialog.waitFor();
    expect(await dialog.getByLabel(/^Titel/).inputValue()).toBe(discovery.title);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.context().close();
  });

  test('bars, markers and today’s line stand out from the page at 3:1 or more, in the light, dark and high-contrast themes', async () => {
    for (const theme of ['default', 'dark', 'contrast']) {
      const page = await openChart('lene', theme === 'default' ? '' : `&theme=${theme}`);
      const ratios = await page.evaluate(() => {
        const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const luminance = (color: string) => {
          const [r, g, b] = rgb(color).map((v) => {
            const c = v / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const ratio = (a: string, b: string) => {
          const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
          return Math.round(((hi! + 0.05) / (lo! + 0.05)) * 100) / 100;
        };
        let node: Element | null = document.querySelector('[data-timeline-chart]');
        let page = 'rgba(0, 0, 0, 0)';
        while (node && /rgba\(0, 0, 0, 0\)|transparent/.test(page)) {
          page = getComputedStyle(node).backgroundColor;
          node = node.parentElement;
        }
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        return {
          phase: ratio(style('[data-timeline-chart] button[data-kind="phase"]').backgroundColor, page),
          breakBorder: ratio(style('[data-timeline-chart] button[data-kind="break"]').borderTopColor, page),
          meeting: ratio(style('[data-timeline-chart] button[data-kind="meeting"]').backgroundColor, page),
          referenceLeader: ratio(style('[data-timeline-chart] button[data-kind="referenceLeaderMeeting"]').borderTopColor, page),
          chefforum: ratio(style('[data-timeline-chart] button[data-kind="chefforum"]').borderTopColor, page),
        };
      });
      for (const [what, value] of Object.entries(ratios)) expect({ theme, what, atLeast3: value >= 3 }).toEqual({ theme, what, atLeast3: true });
      // axe on the chart in each theme (the whole page is checked in the light theme above); Fluent's focus guards are no stop for users.
      const axe = await new AxeBuilder({ page }).include('[data-timeline-chart]').exclude('[data-tabster-dummy]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      if (theme !== 'default') await chart(page).screenshot({ path: path.join(SCREENSHOT_DIR, `tabs-timeline-chart-${theme}.png`) });
      await page.context().close();
    }
  });

  test('in English the chart speaks English: its heading, lanes, legend and names, dates still dd.mm.yyyy', async () => {
    const page = await openTab(browser, app.url, `/tabs/plan.html?networkId=${WELFARE_ID}&locale=en#timeline`, 'lene', 'en-GB');
    page.setDefaultTimeout(15_000);
    const figure = page.getByRole('figure', { name: 'The process on one page' });
    await figure.waitFor();
    const second = plan.meetings.find((m) => m.number === 2)!;
    await figure.getByRole('button', { name: `Network meeting 2 of 5, week ${isoWeek(second.date).week}, ${formatDate(second.date)}`, exact: true }).waitFor();
    for (const lane of ['Phases', 'Breaks', 'Network meetings', 'Reference leader', 'Chefforum']) await figure.getByText(lane, { exact: true }).first().waitFor();
    await figure.getByText(/^27 weeks from week \d+ \(\d\d\.\d\d\.\d{4}\) to week \d+ .*: 10 phases, 4 breaks, 5 network meetings/).waitFor();
    await figure.getByRole('link', { name: 'Show the process as a list' }).waitFor();
    await page.context().close();
  });

  test('printed, the chart alone fits one A4 landscape page with no bar cut off', async () => {
    const page = await openChart();
    await page.emulateMedia({ media: 'print' });
    // A4 landscape at 96 dpi, less the 10 mm margins the page asks for.
    await page.setViewportSize({ width: 1047, height: 718 });
    const figure = chart(page);
    expect(await page.getByRole('tablist').isVisible()).toBe(false);
    expect(await page.getByRole('list', { name: 'Uger i netværkets periode' }).isVisible()).toBe(false);
    expect(await figure.getByRole('button', { name: 'Udskriv diagrammet' }).isVisible()).toBe(false);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await saveScreenshot(page, 'tabs-timeline-chart-print');
    const within = await page.evaluate(() => {
      const chartBox = document.querySelector('[data-testid="timeline-chart-plot"]')!.getBoundingClientRect();
      const items = Array.from(document.querySelectorAll('[data-timeline-chart] button[data-kind]')).map((el) => el.getBoundingClientRect());
      const scroller = document.querySelector('[data-testid="timeline-chart-scroller"]')!;
      return {
        clipped: items.filter((r) => r.left < chartBox.left - 1 || r.right > chartBox.right + 1).length,
        overflow: scroller.scrollWidth - scroller.clientWidth,
        items: items.length,
        bottom: document.querySelector('[data-timeline-chart]')!.getBoundingClientRect().bottom,
      };
    });
    expect(within).toMatchObject({ clipped: 0, overflow: 0 });
    expect(within.items).toBeGreaterThan(20);
    // The whole figure (caption, chart, legend) above the page's bottom edge.
    expect(within.bottom).toBeLessThanOrEqual(718);

    // And the real thing: Chromium's own print to PDF, A4 landscape, is one page.
    const pdf = (await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await page.context().close();
  });
});

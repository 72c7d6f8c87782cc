import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';

/** Debian's chromium package; .ci/run installs it when missing. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where the README's screenshot lives; rewritten only when UPDATE_SCREENSHOTS=true. */
const README_SCREENSHOT = path.join(__dirname, '..', '..', 'docs', 'images', 'graphql-ide.png');

let server: TestServer;
let userDataDir: string;
let context: BrowserContext;
let page: Page;
/** Every request the page tried to send anywhere but the test server. */
const blockedRequests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install it with apt-get install -y chromium`);
  }
  server = await startTestServer({ seedDemo: true, demoPassword: 'lelang2019' });
  userDataDir = mkdtempSync(path.join(tmpdir(), 'lelang-ide-browser-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 860 },
  });
  // The intranet has no internet access: any request off the loopback address is aborted and
  // recorded, so a page that needs a CDN fails here as it would there.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') {
      await route.continue();
      return;
    }
    blockedRequests.push(url.href);
    await route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) {
    rmSync(userDataDir, { recursive: true, force: true });
  }
  await server?.close();
});

/** Returns the text of the CodeMirror editor inside the first element matching `selector`. */
function editorText(selector: string): Promise<string> {
  return page
    .locator(`${selector} .CodeMirror`)
    .first()
    .evaluate((element) => (element as any).CodeMirror.getValue() as string);
}

describe('GraphQL IDE in a browser', () => {
  test('page loads without outside network', async () => {
    await page.goto(server.url);
    await page.waitForSelector('.graphiql-container');
    expect(await page.locator('#sign-in-hint').innerText()).toContain('login');
    expect(blockedRequests).toEqual([]);
  });

  test('example operations open as tabs', async () => {
    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    expect(tabs.map((tab) => tab.trim())).toEqual([
      'SignIn',
      'AttainmentPerMission',
      'OpdRanking',
      'ContractWithScores',
      'AtRiskIndicators',
    ]);
  });

  test('schema documentation lists queries', async () => {
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const explorer = page.locator('.graphiql-doc-explorer');
    await explorer.getByText('Query', { exact: true }).click();
    await expect(explorer.getByText('missionAttainment').first().isVisible()).resolves.toBe(true);
  });

  test('query with pasted token shows result', async () => {
    const token = await server.login('analyst', 'lelang2019');
    await page.getByText('AttainmentPerMission', { exact: true }).click();
    await page.getByText('Headers', { exact: true }).click();
    await page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror').click();
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));

    await page.locator('.graphiql-execute-button').click();
    // The test runs under Node's type definitions, so the page's document is reached untyped.
    await page.waitForFunction(() =>
      [...(globalThis as any).document.querySelectorAll('.result-window .CodeMirror')].some(
        (element: any) => (element.CodeMirror.getValue() as string).includes('"rating"'),
      ),
    );

    const result = JSON.parse(await editorText('.result-window'));
    expect(result.errors).toBeUndefined();
    expect(result.data.missionAttainment.map((row: any) => row.mission.number)).toEqual([
      1, 2, 3, 4,
    ]);
    expect(blockedRequests).toEqual([]);

    const screenshot =
      process.env.UPDATE_SCREENSHOTS === 'true'
        ? README_SCREENSHOT
        : path.join(userDataDir, 'graphql-ide.png');
    await page.screenshot({ path: screenshot });
    expect(existsSync(screenshot)).toBe(true);
  });
});

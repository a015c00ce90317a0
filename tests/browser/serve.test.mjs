// `konzept serve` end to end in a real browser (Debian's chromium, driven by
// playwright-core): a working group uploads a broken and then a good
// workbook and sees the problems; the Koordination builds the concept and
// downloads the PDF; the same for the report round (status workbook,
// Sachstandsbericht). Every page gets an axe-core scan (BITV 2.0 / WCAG):
// no serious or critical finding. Run by tests/integration/browser.rs with
// KONZEPT_BIN set to the binary under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.KONZEPT_BIN || join(repo, 'target', 'debug', 'konzept');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const broken = join(repo, 'tests/fixtures/failing/broken/arbeitsgruppen/ag-bildung.xlsx');
const good = join(repo, 'examples/musterstadt/arbeitsgruppen/ag-bildung.xlsx');
const goodStatus = join(repo, 'examples/musterstadt/sachstand/2028/sachstand-b.xlsx');

let dir, server, browser, links = {};

/** Starts `konzept serve` on a free port and reads its link lines. */
function startServer(project) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['serve', project], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('konzept serve zeigt keine Links:\n' + out)), 60000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const lines = out.split('\n').filter((l) => /https?:\/\//.test(l) && !l.startsWith('konzept serve'));
      if (lines.length >= 8) {
        clearTimeout(timer);
        for (const line of lines) {
          const url = line.match(/(https?:\/\/\S+)/)[1];
          links[line.slice(0, line.indexOf(url)).trim()] = url;
        }
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`konzept serve endete mit ${code}:\n${out}`)));
  });
}

async function newPage() {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'de-DE' });
  const page = await context.newPage();
  page.cspViolations = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) page.cspViolations.push(m.text());
  });
  return page;
}

/** Submits the upload form whose label matches `label` with `file` and
 * waits for the answer page. */
async function upload(page, file, label = /Arbeitsmappe auswählen/) {
  const form = page.locator('form.hochladen', { has: page.getByLabel(label) });
  await form.getByLabel(label).setInputFiles(file);
  await Promise.all([
    page.waitForURL(/\/upload$/),
    form.getByRole('button', { name: 'Hochladen und prüfen' }).click(),
  ]);
}

/** axe-core on the current page: no serious or critical violation. */
async function accessible(page, what) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `Barrierefreiheit: ${what}`,
  );
  assert.deepEqual(page.cspViolations, [], `CSP-Verstöße: ${what}`);
  assert.equal(await page.locator('script').count(), 0, `kein Skript: ${what}`);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'konzept-browser-'));
  const project = join(dir, 'musterstadt');
  execFileSync(bin, ['new', '--example', project], { stdio: 'ignore' });
  server = await startServer(project);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    // playwright gives every launch a fresh, temporary --user-data-dir.
  });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGINT');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('eine Arbeitsgruppe lädt eine fehlerhafte, dann eine gute Mappe hoch', async () => {
  const url = links['Arbeitsgruppe Bildung und Sprachförderung'];
  assert.ok(url, JSON.stringify(links));
  const page = await newPage();
  await page.goto(url);
  await accessible(page, 'Seite der Arbeitsgruppe');
  assert.match(await page.locator('h1').innerText(), /Bildung und Sprachförderung/);
  // Only its own field.
  assert.equal(await page.getByText('Wohnen und Zusammenleben').count(), 0);

  // The blank form.
  const [form] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Leeres Formular/ }).click()]);
  assert.equal(form.suggestedFilename(), 'ag-bildung.xlsx');
  assert.equal(readFileSync(await form.path()).subarray(0, 2).toString(), 'PK');

  await upload(page, broken);
  const status = page.getByRole('status');
  assert.match(await status.innerText(), /ist angekommen/);
  assert.match(await status.innerText(), /Fehler/);
  const rows = page.locator('table:has(caption:text("Meldungen zu Ihrer Arbeitsmappe")) tbody tr');
  assert.ok((await rows.count()) > 0, 'Meldungen mit Zellen');
  assert.match(await rows.first().innerText(), /Fehler|Warnung/);
  await accessible(page, 'Ergebnis mit Fehlern');

  await upload(page, good);
  assert.doesNotMatch(await page.getByRole('status').innerText(), /Fehler/);
  const history = page.locator('table:has(caption:text("Bisher hochgeladen")) tbody tr');
  assert.equal(await history.count(), 2);
  await accessible(page, 'Ergebnis ohne Fehler');
});

test('die Koordination erstellt das Konzept und lädt das PDF herunter', async () => {
  const page = await newPage();
  await page.goto(links['Koordination']);
  await accessible(page, 'Seite der Koordination');
  assert.equal(await page.locator('#ruecklauf tbody tr').count(), 7);
  await Promise.all([page.waitForURL(/\/$/), page.getByRole('button', { name: 'Konzept erstellen' }).click()]);
  // While it runs: a status at the top; without the automatic reload (?still)
  // the page passes the scan as it is (axe flags a meta refresh).
  const still = await newPage();
  await still.goto(links['Koordination'] + '?still');
  if (await still.getByText('Das Konzept wird erstellt').count()) {
    assert.equal(await still.locator('meta[http-equiv="refresh"]').count(), 0);
    await accessible(still, 'Koordination während des Erstellens');
  }
  // The page reloads itself while the build runs; then the files are listed.
  const pdfLink = page.locator('a[href*="/ausgabe/Integrationskonzept"][href$=".pdf"]');
  await pdfLink.waitFor({ timeout: 300000 }).catch(async (e) => {
    throw new Error(`${e.message}\n${await page.locator('#konzept').innerText()}`);
  });
  await accessible(page, 'Koordination nach dem Erstellen');
  assert.ok((await page.locator('.vorschau img').count()) >= 1, 'Vorschau der ersten Seiten');
  const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
  assert.match(download.suggestedFilename(), /^Integrationskonzept-.*\.pdf$/);
  assert.equal(readFileSync(await download.path()).subarray(0, 4).toString(), '%PDF');
  // The details of a field open without script.
  await page.locator('#feld-B summary').click();
  assert.ok(await page.locator('#feld-B form.hochladen').isVisible());
  await accessible(page, 'Koordination mit geöffnetem Handlungsfeld');
});

test('der Sachstandsbericht: Mappe zurück, Bericht erstellen', async () => {
  const page = await newPage();
  await page.goto(links['Arbeitsgruppe Bildung und Sprachförderung']);
  const section = page.locator('#sachstand');
  assert.match(await section.locator('h2').innerText(), /Sachstandsbericht 2028/);
  const [form] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: /Sachstandsmappe/ }).click()]);
  assert.equal(form.suggestedFilename(), 'sachstand-b.xlsx');
  // The concept workbook by mistake: the status columns are missing.
  await upload(page, good, /Sachstandsmappe \(\.xlsx\) auswählen/);
  assert.match(await page.getByRole('status').innerText(), /Fehler/);
  assert.ok((await page.locator('table:has(caption:text("Meldungen zu Ihrer Sachstandsmappe")) tbody tr').count()) > 0);
  await accessible(page, 'Sachstandsmappe mit Fehlern');
  await upload(page, goodStatus, /Sachstandsmappe \(\.xlsx\) auswählen/);
  assert.doesNotMatch(await page.getByRole('status').innerText(), /Fehler/);
  await accessible(page, 'Sachstandsmappe ohne Fehler');

  const office = await newPage();
  await office.goto(links['Koordination']);
  assert.equal(await office.locator('#sachstand table:has(caption:text("Rücklauf der Sachstandsmappen")) tbody tr').count(), 7);
  await accessible(office, 'Koordination mit Sachstandsbericht');
  await Promise.all([office.waitForURL(/\/$/), office.getByRole('button', { name: 'Sachstandsbericht erstellen' }).click()]);
  const pdfLink = office.locator('a[href*="/ausgabe/Sachstandsbericht"][href$=".pdf"]');
  await pdfLink.waitFor({ timeout: 300000 }).catch(async (e) => {
    throw new Error(`${e.message}\n${await office.locator('#sachstand').innerText()}`);
  });
  assert.ok(await office.locator('a[href*="/ausgabe/Mitteilungsvorlage"][href$=".oparl.json"]').count());
  const [download] = await Promise.all([office.waitForEvent('download'), pdfLink.click()]);
  assert.equal(readFileSync(await download.path()).subarray(0, 4).toString(), '%PDF');
  await office.locator('#sachstand-B summary').click();
  assert.ok(await office.locator('#sachstand-B form.hochladen').isVisible());
  await accessible(office, 'Koordination nach dem Sachstandsbericht');
});

test('ein falscher Link zeigt eine barrierefreie 404-Seite', async () => {
  const page = await newPage();
  const base = new URL(links['Koordination']).origin;
  const response = await page.goto(`${base}/falsch/`);
  assert.equal(response.status(), 404);
  await accessible(page, '404-Seite');
  await page.goto(base + '/');
  await accessible(page, 'Startseite ohne Link');
});

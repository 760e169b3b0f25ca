// Loads a stosim report in headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM) with the
// network cut off, and fails when the console shows an error, the page asks for anything outside
// the file, or a chart draws no data marks. Saves a full-page screenshot.
//
//   node check-report.mjs REPORT.html SCREENSHOT.png            exit 0 when the page is sound
//   node check-report.mjs --expect-empty REPORT.html SHOT.png   breaks the spec of the first
//       chart (a filter that keeps nothing) and exits 0 only when the check catches it (a test
//       of the test)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const expectEmpty = args[0] === '--expect-empty';
if (expectEmpty) args.shift();
if (args.length !== 2) {
  console.error('usage: node check-report.mjs [--expect-empty] REPORT.html SCREENSHOT.png');
  process.exit(2);
}
const [report, screenshot] = args.map((a) => resolve(a));
const profile = mkdtempSync(join(tmpdir(), 'stosim-chromium-'));

// The page with the spec of its first chart broken: its data filtered to nothing.
function withEmptyFirstChart(path) {
  const html = readFileSync(path, 'utf8');
  const pattern = /(<script id="stosim-data" type="application\/json">)([\s\S]*?)(<\/script>)/;
  const match = html.match(pattern);
  if (!match) throw new Error(`${path}: no <script id="stosim-data">`);
  const data = JSON.parse(match[2]);
  const first = data.sections.flatMap((s) => s.items).find((i) => i.kind === 'chart' && i.spec.transform);
  first.spec.transform = [{ filter: 'false' }, ...first.spec.transform];
  const broken = join(profile, 'broken.html');
  writeFileSync(broken, html.replace(pattern, (_, open, _json, close) => open + JSON.stringify(data).replace(/</g, '\\u003c') + close));
  console.log(`check-report: broke the spec of chart '${first.id}' (a filter that keeps nothing)`);
  return broken;
}

const problems = [];
let context;
try {
  const page_path = expectEmpty ? withEmptyFirstChart(report) : report;
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1500, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--no-first-run'],
  });
  const page = context.pages()[0] || (await context.newPage());
  const url = pathToFileURL(page_path).href;
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    problems.push(`the page asked for ${route.request().url()} (it must work offline)`);
    return route.abort();
  });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('body[data-rendered="true"]', { timeout: 120000 });
  const charts = Number(await page.getAttribute('body', 'data-charts'));
  const empty = (await page.getAttribute('body', 'data-empty-charts')).split(' ').filter((id) => id);
  const marks = await page.$$eval('figure.chart', (fs) => fs.map((f) => `${f.id}=${f.dataset.marks}`));
  const rows = await page.$$eval('figure.table tbody tr', (rs) => rs.length);
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`check-report: ${charts} charts, ${charts - empty.length} with data marks; ${rows} table rows`);
  console.log(`check-report: marks per chart: ${marks.join(' ')}`);
  console.log(`check-report: screenshot in ${screenshot}`);
  if (charts === 0) problems.push('the page has no charts');
  for (const id of empty) problems.push(`chart '${id}' drew no data marks`);
  if (rows === 0) problems.push('the page has no table rows');
} catch (error) {
  problems.push(error.message);
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}

for (const p of problems) console.log(`check-report: ${p}`);
if (expectEmpty) {
  const caught = problems.some((p) => p.includes('drew no data marks'));
  console.log(caught ? 'check-report: the empty chart was caught, as it must be' : 'check-report: FAILED to catch the empty chart');
  process.exit(caught ? 0 : 1);
}
console.log(problems.length === 0 ? 'check-report: the report is sound' : `check-report: FAILED (${problems.length} problems)`);
process.exit(problems.length === 0 ? 0 : 1);

'use strict';
/*
 * The page of `precis serve` in a real browser: headless Chromium (Debian's
 * /usr/bin/chromium, or $CHROMIUM) driven by puppeteer-core.
 *
 *   node test_page.js URL        URL of a running `precis serve`
 *   SCREENSHOT=path.png          also saves a 1280x900 screenshot of the
 *                                brief with a sentence highlighted
 *
 * It submits the bundled example cluster (examples/daraa), clicks and keys
 * through the brief and checks every highlight against the UTF-8 byte
 * offsets of the server's JSON, computed here from the files' own bytes.
 * Prints one line per check and then "N passed, N failed, N skipped";
 * exits 1 when a check failed.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const REPO = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(REPO, 'examples', 'daraa');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 60000; // one summarize request, generously

const counts = { passed: 0, failed: 0, skipped: 0 };

function report(kind, name, detail) {
  counts[kind]++;
  const word = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[kind];
  console.log(`${word} ${name}${detail ? ': ' + detail : ''}`);
}

class Skip extends Error {}

// One check: passes unless fn throws; a Skip marks it skipped.
async function check(name, fn) {
  try {
    await fn();
    report('passed', name);
  } catch (error) {
    if (error instanceof Skip) report('skipped', name, error.message);
    else report('failed', name, error.message.split('\n')[0]);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function same(actual, expected, what) {
  expect(actual === expected, `${what}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

// The article text that bytes [start, end) of `text` hold, decoded as the
// server sees them: from UTF-8 bytes, never from JS string indices.
function byteSlice(text, start, end) {
  return Buffer.from(text, 'utf8').subarray(start, end).toString('utf8');
}

/* ---- the page --------------------------------------------------------- */

// Makes the page hold exactly these articles, adding or removing boxes.
async function fillArticles(page, articles) {
  await page.evaluate(async (articles) => {
    const list = document.getElementById('articles');
    while (list.children.length < articles.length) document.getElementById('add').click();
    while (list.children.length > articles.length) list.lastElementChild.querySelector('.remove').click();
    const set = (input, value) => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    articles.forEach((article, i) => {
      const card = list.children[i];
      set(card.querySelector('.art-name'), article.id);
      set(card.querySelector('.art-title'), article.title || '');
      set(card.querySelector('.art-text'), article.text);
    });
  }, articles);
}

function isSummarize(response) {
  return response.url().endsWith('/v1/summarize') && response.request().method() === 'POST';
}

// Starts a summarize (`trigger` clicks or keys) and waits for the server's
// answer and for the page to be idle again: {status, raw, json, request}.
async function summarize(page, trigger) {
  const answer = page.waitForResponse(isSummarize, { timeout: TIMEOUT });
  await trigger();
  const response = await answer;
  const raw = await response.text();
  await page.waitForFunction(() => !document.getElementById('submit').disabled, { timeout: TIMEOUT });
  let json = null;
  try { json = JSON.parse(raw); } catch (e) { /* checked by the callers */ }
  return { status: response.status(), raw, json, request: JSON.parse(response.request().postData()) };
}

const clickSubmit = (page) => () => page.click('#submit');

// What the source panel shows: its heading and the <mark>ed text.
function highlight(page) {
  return page.evaluate(() => {
    const mark = document.querySelector('#source-text mark');
    const marks = document.querySelectorAll('#source-text mark').length;
    const box = mark && mark.getBoundingClientRect();
    return {
      heading: document.getElementById('source-h').textContent,
      mark: mark ? mark.textContent : null,
      marks,
      visible: !!box && box.bottom > 0 && box.top < window.innerHeight,
      pressed: [...document.querySelectorAll('#brief .sentence')].map((b) => b.getAttribute('aria-pressed')),
    };
  });
}

// The highlight must be the sentence's bytes in the text that was sent.
async function expectHighlight(page, result, index) {
  const s = result.json.sentences[index];
  const sent = result.request.articles[s.article];
  const shown = await highlight(page);
  same(shown.marks, 1, 'number of <mark>s');
  same(shown.mark, byteSlice(sent.text, s.start, s.end), `<mark> of sentence ${index + 1} against bytes [${s.start},${s.end})`);
  same(shown.mark, s.text, `<mark> of sentence ${index + 1} against the JSON text`);
  expect(shown.heading.includes(sent.id), `the source heading "${shown.heading}" names ${sent.id}`);
  same(shown.pressed.indexOf('true'), index, 'the pressed sentence');
  expect(shown.visible, 'the <mark> is scrolled into view');
}

// Every article status of the JSON is shown as such in the article list.
async function expectStatuses(page, result, seen) {
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll('#statuses li')].map((li) => ({
      article: Number(li.dataset.article), status: li.dataset.status, text: li.textContent,
    })));
  const names = result.request.articles.map((a) => a.id);
  const used = new Set(result.json.sentences.map((s) => s.article));
  const expected = result.json.articles ||
    names.map((name, i) => ({ article: i, name, status: used.has(i) ? 'used' : 'unused' }));
  same(shown.length, expected.length, 'articles listed');
  for (const entry of expected) {
    const item = shown.find((s) => s.article === entry.article);
    expect(item, `article ${entry.article} is listed`);
    same(item.status, entry.status, `status of ${entry.name}`);
    if (entry.status === 'copy') {
      seen.copy = true;
      const wanted = `syndicated copy of ${names[entry.copy_of]}`;
      expect(item.text.includes(wanted), `"${item.text}" says "${wanted}"`);
      if (typeof entry.similarity === 'number') {
        const percent = `${Math.round(entry.similarity * 100)}% similar`;
        expect(item.text.includes(percent), `"${item.text}" says "${percent}"`);
      }
    }
    if (entry.status === 'off_topic') {
      seen.offTopic = true;
      expect(item.text.includes('left out: off-topic'), `"${item.text}" says it is off-topic`);
    }
    if (entry.status === 'unused') expect(item.text.includes('not used'), `"${item.text}" says "not used"`);
    if (entry.status === 'used') expect(item.text.includes('in the brief'), `"${item.text}" says "in the brief"`);
  }
}

/* ---- inputs ----------------------------------------------------------- */

function exampleArticles() {
  return fs.readdirSync(EXAMPLE).filter((f) => f.endsWith('.txt')).sort()
    .map((id) => ({ id, text: fs.readFileSync(path.join(EXAMPLE, id), 'utf8') }));
}

// A small cluster whose sentences come after 2-, 3- and 4-byte characters
// (é, curly quotes, emoji), so byte offsets and string indices differ; the
// last article is about something else.
const NON_ASCII = [
  { id: 'etoile.txt', title: 'Café Étoile wins', text:
    'Montréal’s “Café Étoile” 🎉 won the national bakery prize on Sunday, beating 40 rivals. ' +
    'The jury praised its croissants and its crème brûlée. Owner Hélène Côté said the award belonged to her staff. ' +
    'The café opened in 2015 in a former garage near the old port. ' +
    'Sales rose sharply after the announcement, according to the owner. The prize comes with a grant of 20,000 dollars.\n' },
  { id: 'prize.txt', text:
    'The “Café Étoile” bakery in Montréal 🥐 took the national bakery prize this weekend. ' +
    'Judges singled out the crème brûlée and the croissants. Hélène Côté, who owns the café, thanked her employees. ' +
    'Customers queued outside the bakery on Monday morning. The grant will pay for a second oven, Côté said.\n' },
  { id: 'award.txt', text:
    'A Montréal café has won the country’s top bakery award 🏆 after a vote of the jury. ' +
    '“We did not expect it,” said owner Hélène Côté. The bakery beat forty competitors from across the country. ' +
    'It plans to open a second shop next year. The jury’s president called the pastries “flawless”.\n' },
  { id: 'tennis.txt', text:
    'Rain delayed the final of the regional tennis tournament by two hours. ' +
    'The top seed eventually won in straight sets. Organisers blamed the weather for thin crowds. ' +
    'The trophy ceremony was moved indoors. Ticket holders were offered refunds for the second session. ' +
    'Next year the tournament will be played on covered courts.\n' },
];

const HTML_FILE = '<!doctype html><html><head><meta charset="utf-8"><title>Café story</title>' +
  '<style>p { color: red }</style><script>var hidden = "SCRIPT TEXT";</script></head>' +
  '<body><header>SITE HEADER</header><nav><a href="/">NAV LINK</a></nav>' +
  '<main><h1>The café reopens</h1><p>First   paragraph,\n  with “quotes”.</p>' +
  '<p>Second <b>paragraph</b> 🎉.<br>Same paragraph, new line.</p></main>' +
  '<footer>FOOTER TEXT</footer></body></html>';
const HTML_TEXT = 'The café reopens\n\nFirst paragraph, with “quotes”.\n\nSecond paragraph 🎉.\nSame paragraph, new line.';
const TXT_FILE = 'A plain text article.\n\nIt has two paragraphs, and an “é”.\n';

/* ---- the run ---------------------------------------------------------- */

async function main() {
  const url = process.argv[2];
  if (!url) {
    console.error('usage: node test_page.js URL');
    process.exit(2);
  }
  const origin = new URL(url).origin;
  if (!fs.existsSync(CHROMIUM)) {
    report('failed', 'chromium', `${CHROMIUM} is missing (apt-get install -y chromium)`);
    return;
  }
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // --no-sandbox: the tests run as root, where Chromium's sandbox will not start.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'precis-page-'));
  try {
    await run(browser, url, origin, downloads);
  } finally {
    await browser.close();
    fs.rmSync(downloads, { recursive: true, force: true });
  }
}

async function run(browser, url, origin, downloads) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.setDefaultTimeout(TIMEOUT);

  // Everything the browser does that the page must not: errors in the
  // console (CSP violations land there too), uncaught exceptions,
  // requests that leave the server, requests that fail.
  const consoleErrors = [], foreign = [], failed = [];
  let expectHttpError = false; // the error check provokes one 400 on purpose
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (expectHttpError && /status of 400/.test(message.text())) return;
    consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push('uncaught: ' + error.message));
  page.on('request', (request) => {
    const target = request.url();
    if (!/^(data|blob):/.test(target) && new URL(target).origin !== origin) foreign.push(target);
  });
  page.on('requestfailed', (request) => {
    // A download ends its blob: request early; that is no failure.
    if (!request.url().startsWith('blob:')) failed.push(`${request.url()} ${request.failure().errorText}`);
  });
  const seen = { copy: false, offTopic: false };

  let response = null;
  await check('page loads as HTML with the CSP', async () => {
    response = await page.goto(url, { waitUntil: 'load' });
    same(response.status(), 200, 'HTTP status');
    const headers = response.headers();
    expect(/^text\/html/.test(headers['content-type'] || ''), `Content-Type ${headers['content-type']}`);
    expect(/default-src 'none'/.test(headers['content-security-policy'] || ''),
      `Content-Security-Policy ${headers['content-security-policy']}`);
  });

  await check('page is self-contained (< 40 KB)', async () => {
    const html = await response.text();
    expect(Buffer.byteLength(html) < 40 * 1024, `${Buffer.byteLength(html)} bytes`);
    expect(!/\s(src|href)\s*=\s*["']?(https?:)?\/\//i.test(html), 'an src or href points to another host');
  });

  await check('every control has a label', async () => {
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')]
        .filter((c) => !c.labels.length && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby'))
        .map((c) => c.id || c.outerHTML));
    same(unlabelled.join(', '), '', 'unlabelled controls');
  });

  /* The example cluster. */
  const example = exampleArticles();
  await fillArticles(page, example);
  await page.$eval('#length', (input) => { input.value = '100'; });
  let daraa = null;
  await check('example cluster: submitted and answered', async () => {
    daraa = await summarize(page, clickSubmit(page));
    same(daraa.status, 200, 'HTTP status');
    expect(daraa.json && Array.isArray(daraa.json.sentences) && daraa.json.sentences.length >= 2,
      'the JSON has at least 2 sentences');
  });
  if (!daraa || !daraa.json) return;

  await check('example cluster: request as the API says', async () => {
    const r = daraa.request;
    same(r.words, 100, 'words');
    same(r.method, 'default', 'method');
    same(r.collapse_copies, true, 'collapse_copies');
    same(r.diagnostics, true, 'diagnostics');
    same(r.articles.length, example.length, 'articles');
    r.articles.forEach((a, i) => {
      same(a.id, example[i].id, `id ${i}`);
      expect(a.text === example[i].text, `text ${i} is the file's text exactly`);
    });
  });

  await check('brief: one button per JSON sentence, with its text and source', async () => {
    const shown = await page.$$eval('#brief .sentence', (buttons) => buttons.map((b) => ({
      text: b.querySelector('.text').textContent, src: b.querySelector('.src').textContent,
    })));
    same(shown.length, daraa.json.sentences.length, 'sentences shown');
    daraa.json.sentences.forEach((s, i) => {
      same(shown[i].text, s.text, `sentence ${i + 1}`);
      expect(shown[i].src.includes(s.name), `sentence ${i + 1} names ${s.name}`);
    });
  });

  await check('click: 2nd sentence highlighted by its byte offsets', async () => {
    await page.click('#brief li:nth-child(2) .sentence');
    await expectHighlight(page, daraa, 1);
  });

  if (process.env.SCREENSHOT) {
    await check('screenshot saved', async () => {
      await page.evaluate(() => document.getElementById('result-h').scrollIntoView());
      await page.screenshot({ path: process.env.SCREENSHOT });
      expect(fs.statSync(process.env.SCREENSHOT).size > 1000, 'a non-empty PNG');
    });
  }

  await check('keyboard: Enter on a focused sentence highlights it', async () => {
    const last = daraa.json.sentences.length - 1;
    await page.focus(`#brief li:nth-child(${last + 1}) .sentence`);
    await page.keyboard.press('Enter');
    await expectHighlight(page, daraa, last);
  });

  await check('keyboard: Space on a focused sentence highlights it', async () => {
    await page.focus('#brief li:nth-child(1) .sentence');
    await page.keyboard.press('Space');
    await expectHighlight(page, daraa, 0);
  });

  await check('keyboard: Tab reaches the brief, with a visible focus ring', async () => {
    await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
    let reached = null;
    for (let presses = 0; presses < 200 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const active = document.activeElement;
        if (!active || !active.classList.contains('sentence')) return null;
        const style = getComputedStyle(active);
        return { outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
    }
    expect(reached, 'no brief sentence within 200 Tab presses');
    expect(reached.outline !== 'none' && reached.width >= 2, `focus outline ${JSON.stringify(reached)}`);
  });

  await check('articles: statuses of the JSON marked', () => expectStatuses(page, daraa, seen));

  await check('Copy brief puts the summary on the clipboard', async () => {
    await browser.defaultBrowserContext().overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await page.click('#copy');
    await page.waitForFunction(() => /copied|selected/.test(document.getElementById('status').textContent));
    const status = await page.$eval('#status', (s) => s.textContent);
    if (/copied/.test(status)) {
      same(await page.evaluate(() => navigator.clipboard.readText()), daraa.json.summary, 'clipboard');
    } else {
      // The fallback selects the brief for Ctrl+C.
      const selected = await page.evaluate(() => window.getSelection().toString());
      daraa.json.sentences.forEach((s) => expect(selected.includes(s.text), 'the selection holds every sentence'));
    }
  });

  await check('Download JSON saves the server JSON byte for byte', async () => {
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await page.click('#download');
    const file = path.join(downloads, 'precis-brief.json');
    // Chromium may create the file before it has written it: wait for the
    // whole of it (or give up after 10 s and compare what is there).
    const want = Buffer.byteLength(daraa.raw, 'utf8');
    const complete = () => fs.existsSync(file) && fs.statSync(file).size >= want;
    for (let waited = 0; !complete() && waited < 10000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(fs.existsSync(file), 'precis-brief.json was not downloaded');
    same(fs.readFileSync(file, 'utf8'), daraa.raw, 'downloaded JSON');
  });

  await check('phone width 375 px: one column, no horizontal scroll', async () => {
    await page.setViewport({ width: 375, height: 800 });
    await page.click('#brief li:nth-child(2) .sentence');
    const layout = await page.evaluate(() => {
      // Plain numbers: a DOMRect does not survive the trip out of the page.
      const box = (id) => { const r = document.getElementById(id).getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
      return { scrollWidth: document.scrollingElement.scrollWidth, brief: box('brief'), source: box('source') };
    });
    expect(layout.scrollWidth <= 375, `scrollWidth ${layout.scrollWidth}`);
    expect(layout.source.top >= layout.brief.bottom, `the source panel is below the brief: ${JSON.stringify(layout)}`);
    await page.setViewport({ width: 1280, height: 900 });
  });

  /* Files: the file input (the drop zone's keyboard twin). */
  await page.reload({ waitUntil: 'load' });
  await check('files: .html reduced to its text, .txt taken as is', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'precis-files-'));
    try {
      fs.writeFileSync(path.join(dir, 'story.html'), HTML_FILE);
      fs.writeFileSync(path.join(dir, 'plain.txt'), TXT_FILE);
      const input = await page.$('#files');
      await input.uploadFile(path.join(dir, 'story.html'), path.join(dir, 'plain.txt'));
      await page.waitForFunction(() => [...document.querySelectorAll('.art-name')].some((i) => i.value === 'plain.txt'));
      const cards = await page.$$eval('#articles > li', (items) => items.map((li) => ({
        name: li.querySelector('.art-name').value, title: li.querySelector('.art-title').value,
        text: li.querySelector('.art-text').value,
      })));
      const html = cards.find((c) => c.name === 'story.html');
      const txt = cards.find((c) => c.name === 'plain.txt');
      expect(html && txt, 'both files became articles');
      same(html.title, 'Café story', 'title of the .html');
      same(html.text, HTML_TEXT, 'text of the .html');
      same(txt.text, TXT_FILE, 'text of the .txt');
      same(cards.length, 3, 'boxes (the files filled the empty ones)');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  /* Non-ASCII text, with the request held back to see the busy state. */
  await page.reload({ waitUntil: 'load' });
  await fillArticles(page, NON_ASCII);
  await page.$eval('#length', (input) => { input.value = '60'; });
  let posts = 0;
  await page.setRequestInterception(true);
  const hold = (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (request.url().endsWith('/v1/summarize')) {
      posts++;
      setTimeout(() => request.continue(), 700);
    } else {
      request.continue();
    }
  };
  page.on('request', hold);
  let accents = null, busy = null;
  await check('non-ASCII cluster: submitted and answered', async () => {
    accents = await summarize(page, async () => {
      await page.click('#submit');
      busy = await page.evaluate(() => ({
        disabled: document.getElementById('submit').disabled,
        ariaBusy: document.getElementById('form').getAttribute('aria-busy'),
      }));
      // A second submit while the first is in flight must send nothing.
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
    });
    same(accents.status, 200, 'HTTP status');
    expect(accents.json && accents.json.sentences.length > 0, 'the brief has sentences');
  });
  page.off('request', hold);
  await page.setRequestInterception(false);

  await check('busy: Summarize disabled in flight, one request only', async () => {
    expect(busy && busy.disabled, 'Summarize is disabled while the request is in flight');
    same(busy.ariaBusy, 'true', 'aria-busy');
    same(posts, 1, 'requests sent');
  });

  if (accents && accents.json) {
    await check('non-ASCII: every highlight matches its byte offsets', async () => {
      let afterAll = 0;
      for (let i = 0; i < accents.json.sentences.length; i++) {
        const s = accents.json.sentences[i];
        const before = byteSlice(accents.request.articles[s.article].text, 0, s.start);
        // é (2 bytes), a curly quote (3), an emoji (4) all before the sentence.
        if (/é/.test(before) && /[“”’]/.test(before) && /\p{Extended_Pictographic}/u.test(before)) afterAll++;
        await page.click(`#brief li:nth-child(${i + 1}) .sentence`);
        await expectHighlight(page, accents, i);
      }
      expect(afterAll > 0, 'no sentence comes after é, a curly quote and an emoji: the check proves nothing');
    });
    await check('non-ASCII: article statuses marked', () => expectStatuses(page, accents, seen));
  }

  await check('a syndicated copy is marked as such', async () => {
    if (!seen.copy) throw new Skip('the server marked no article as a copy');
  });
  await check('an off-topic article is marked as left out', async () => {
    if (!seen.offTopic) throw new Skip('the server marked no article off-topic');
  });

  /* Errors: all boxes empty; Ctrl+Enter from a box submits. */
  await page.reload({ waitUntil: 'load' });
  expectHttpError = true;
  let refused = null;
  await check('Ctrl+Enter submits', async () => {
    await page.focus('#articles textarea');
    refused = await summarize(page, async () => {
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
    });
  });
  await check('error: empty boxes get a 400 shown in the alert region', async () => {
    expect(refused, 'no request');
    expect(refused.status >= 400 && refused.status < 500, `HTTP status ${refused.status}`);
    expect(refused.json && typeof refused.json.error === 'string', 'the body is {"error": ...}');
    const alert = await page.$eval('[role=alert]', (a) => a.textContent);
    expect(alert.includes(refused.json.error), `the alert "${alert}" shows "${refused.json.error}"`);
    same(await page.$eval('#result', (r) => r.hidden), true, 'no brief shown');
  });
  expectHttpError = false;

  await check('no console errors, no uncaught exceptions', async () => {
    same(consoleErrors.join(' | '), '', 'console errors');
  });
  await check('no requests to other origins', async () => {
    same(foreign.join(' '), '', 'foreign requests');
  });
  await check('no failed requests', async () => {
    same(failed.join(' | '), '', 'failed requests');
  });
}

main()
  .catch((error) => report('failed', 'test run', error.stack || String(error)))
  .finally(() => {
    console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    process.exitCode = counts.failed ? 1 : 0;
  });

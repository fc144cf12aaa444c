// Time to the first interactive widget screen, as a phone on a slow network sees it: the
// plain example host page (examples/plain.html) with the widget's two files from dist/,
// in Debian's Chromium with Lighthouse's mobile throttling (4× CPU slowdown, 150 ms RTT,
// 1.6 Mbit/s down, 750 kbit/s up) and an empty cache. "Interactive" is the moment the
// username field exists in the widget's shadow root and is enabled. Prints the median of
// several runs; `cargo xtask bench` runs it. Files go out compressed, as any CDN or static
// host sends them (the network's 1.6 Mbit/s applies to what crosses it): with gzip, in which
// the download budget is counted, or with `--encoding br`, Brotli, which Cloudflare sends to
// browsers that take it.
//
//   node e2e/bench/first-interactive.mjs --dist dist --examples examples [--runs 5] [--encoding gzip|br]
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' }, examples: { type: 'string' }, runs: { type: 'string', default: '5' },
    encoding: { type: 'string', default: 'gzip' },
  },
});
if (!values.dist || !values.examples) {
  console.error('first-interactive.mjs: --dist and --examples are required');
  process.exit(2);
}
if (!['gzip', 'br'].includes(values.encoding)) {
  console.error(`first-interactive.mjs: --encoding is gzip or br, not ${values.encoding}`);
  process.exit(2);
}
const COMPRESS = { gzip: (data) => gzipSync(data, { level: 9 }), br: (data) => brotliCompressSync(data) };
// Compressed once per file, as a CDN keeps it: the runs time the network, not the compressor.
const compressed = new Map();
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

const server = http.createServer(async (req, res) => {
  const name = new URL(req.url, 'http://bench').pathname;
  const file = name.startsWith('/examples/')
    ? path.join(values.examples, name.slice('/examples/'.length))
    : path.join(values.dist, name.slice(1));
  try {
    let data = await readFile(file);
    if (file.endsWith('.html')) {
      // The widget from this origin; the edge is never called before the first screen.
      data = data.toString('utf8').replaceAll('__SSPR_CDN__', '').replaceAll('__SSPR_EDGE__', 'http://127.0.0.1:9');
    }
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (new RegExp(`\\b${values.encoding}\\b`).test(req.headers['accept-encoding'] ?? '')) {
      if (!compressed.has(file)) compressed.set(file, COMPRESS[values.encoding](data));
      data = compressed.get(file);
      headers['content-encoding'] = values.encoding;
    }
    res.writeHead(200, headers);
    res.end(data);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/examples/plain.html`;

const browser = await chromium.launch({
  executablePath: process.env.SSPR_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const times = [];
try {
  // Run 0 warms the server's compressed copies and is not counted.
  for (let run = 0; run <= Number(values.runs); run += 1) {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => {
      const input = document.querySelector('sspr-reset')?.shadowRoot?.querySelector('input[autocomplete="username"]');
      return input && !input.disabled;
    }, null, { timeout: 60_000, polling: 16 });
    const elapsed = await page.evaluate(() => performance.now());
    if (run > 0) times.push(elapsed);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`bench: first interactive reset screen, slow 4G + 4x CPU, files sent with ${values.encoding} (median of ${times.length}): ${(median / 1000).toFixed(2)} s (runs: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s)`);

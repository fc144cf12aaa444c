import { defineConfig, devices } from '@playwright/test';

// `cargo xtask test` starts the stack (edge in wrangler dev, stand-ins, demo site) and passes
// its URLs in the environment. Playwright drives Debian's Chromium; it never downloads one.
const site = process.env.SSPR_SITE;
if (!site) {
  throw new Error('SSPR_SITE is not set: run the end-to-end suite through `cargo xtask test`');
}

const chromium = {
  executablePath: process.env.SSPR_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  // Two workers (the machines have two cores). A spec file's tests run in order in one worker;
  // files and browser projects run side by side because each file has users of its own and
  // each project its own copies of them (`user` and `resetStack` in tests/fixtures/stack.ts).
  workers: 2,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: site,
    launchOptions: chromium,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'] } },
    { name: 'pixel-7', use: { ...devices['Pixel 7'] } },
    { name: 'iphone-14', use: { ...devices['iPhone 14'], browserName: 'chromium' } },
  ],
});

import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  timeout: 20_000,
  workers: 1,
  retries: 0,
  reporter: [['json', { outputFile: 'results.json' }], ['list']],
  use: {
    browserName: 'chromium',
    baseURL: process.env.AUTHLENS_BASE_URL,
    launchOptions: { executablePath: process.env.AUTHLENS_CHROMIUM ?? '/usr/bin/chromium' },
  },
});

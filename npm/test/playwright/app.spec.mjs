// The inner Playwright suite: a QA project using `authlens/playwright` (run by run.mjs in a
// fresh project that installed the packed tarball). Some of these tests are MEANT to fail:
// run.mjs reads the JSON report and checks that they failed for the right reason.
import { test, expect } from 'authlens/playwright';

test('checkout sends a Midtrans server key', async ({ page }) => {
  await page.goto('/checkout');
  await expect(page.locator('#status')).toHaveText('paid');
});

test('a bundle ships a server key (never sent)', async ({ page }) => {
  await page.goto('/shop');
  await expect(page.locator('#status')).toHaveText('ready');
});

test('profile with an expired token', async ({ page }) => {
  await page.goto('/profile');
  await expect(page.locator('#name')).toHaveText('Ada', { timeout: 2000 });
});

test('healthy page', async ({ page }) => {
  await page.goto('/healthy');
  await expect(page.locator('#status')).toHaveText('ok');
});

test.describe('recorded HAR, secrets not gating', () => {
  test.use({ authlensHar: 'on', authlensFailOn: 'off' });
  test('checkout with the HAR attached', async ({ page }) => {
    await page.goto('/checkout');
    await expect(page.locator('#status')).toHaveText('paid');
  });
});

test.describe('gate at critical only', () => {
  test.use({ authlensFailOn: 'critical' });
  test('a sandbox key is high, not critical', async ({ page }) => {
    await page.goto('/checkout');
    await expect(page.locator('#status')).toHaveText('paid');
  });
});

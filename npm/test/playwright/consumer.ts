// Type-checked (tsc --noEmit) in the fresh project: the package's types as a user meets them.
import { analyzeHar, renderMarkdown, scanText, Session, type Report, type EntryReport, type Severity } from 'authlens';
import { test, expect, type AuthlensOptions } from 'authlens/playwright';

const report: Report = analyzeHar({ log: { entries: [] } });
const severity: Severity | undefined = report.entries[0]?.findings[0]?.severity;
const first: EntryReport | undefined = new Session().analyze({ request: { method: 'GET', url: 'https://example.test/', headers: [] }, response: { status: 200, headers: [] } });
const md: string = renderMarkdown({ log: { entries: [] } });
const lines: number[] = scanText('app.js', 'const a = 1').map((f) => f.line);
const option: AuthlensOptions['authlensFailOn'] = 'critical';
test.use({ authlensFailOn: option });
test('typed', async ({ page, authlens }) => {
  const reports: EntryReport[] = await authlens.reports();
  expect(reports.length).toBeGreaterThanOrEqual(0);
  await page.close();
});
export { severity, first, md, lines };

import { expect, test } from 'vitest';
import { launchDoppel } from './harness';

// The harness audits every test by itself: neither test below calls expectNoLeaks.

test.fails('a test that never calls expectNoLeaks still fails when a request leaves the machine', async () => {
  const doppel = await launchDoppel();
  try {
    const page = await doppel.context.newPage();
    await page.goto('http://audit-canary.example/').catch(() => {});
  } finally {
    await doppel.close();
  }
});

test('a test whose requests all stay on the test server passes the audit', async () => {
  const doppel = await launchDoppel();
  try {
    const page = await doppel.context.newPage();
    await page.goto(doppel.server.url('article-one.html'));
    expect(await page.title()).toBe('Why tidal power is still waiting');
  } finally {
    await doppel.close();
  }
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * A virtual X display (Xvfb) and real input on it (xdotool), for the one thing headless Chromium
 * cannot do: open its own context menu and pick an extension's item. Only a click the browser itself
 * receives is a user gesture, and `chrome.sidePanel.open` needs one.
 */
export const HAS_X_TOOLS = ['/usr/bin/Xvfb', '/usr/bin/xdotool'].every((tool) => existsSync(tool));
export const X_TOOLS_MISSING = 'needs Xvfb and xdotool (apt-get install -y xvfb xdotool; .ci/run installs them)';

export interface XDisplay {
  name: string;
  stop(): void;
}

export const startXvfb = async (): Promise<XDisplay> => {
  for (let attempt = 0; attempt < 20; attempt++) {
    const number = 90 + Math.floor(Math.random() * 400);
    if (existsSync(`/tmp/.X11-unix/X${number}`) || existsSync(`/tmp/.X${number}-lock`)) continue;
    const server: ChildProcess = spawn('/usr/bin/Xvfb', [`:${number}`, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    for (let waited = 0; waited < 5_000 && server.exitCode === null; waited += 100) {
      if (existsSync(`/tmp/.X11-unix/X${number}`)) return { name: `:${number}`, stop: () => void server.kill() };
      await new Promise((r) => setTimeout(r, 100));
    }
    server.kill();
  }
  throw new Error('Xvfb did not start on any display tried.');
};

const xdotool = (display: string, ...args: string[]) => {
  const run = spawnSync('/usr/bin/xdotool', args, { env: { ...process.env, DISPLAY: display }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`xdotool ${args.join(' ')} failed: ${run.stderr}`);
};

/**
 * Right-clicks the middle of `selector` with the real mouse, then types `key`: Chromium's menu picks
 * the only item whose title starts with that letter. The window is at the screen's origin and all
 * of its own bars are above the page (infobars included), so the page's origin on screen is
 * (outer − inner width, outer − inner height).
 */
export const pickFromContextMenu = async (display: string, page: Page, selector: string, key: string): Promise<void> => {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  const origin = await page.evaluate(() => ({ x: window.screenX + window.outerWidth - window.innerWidth, y: window.screenY + window.outerHeight - window.innerHeight }));
  xdotool(display, 'mousemove', String(Math.round(origin.x + box.x + Math.min(20, box.width / 2))), String(Math.round(origin.y + box.y + box.height / 2)));
  await page.evaluate(() => addEventListener('contextmenu', () => ((window as { doppelMenu?: boolean }).doppelMenu = true), { once: true }));
  xdotool(display, 'click', '3');
  // The browser draws its menu just after the click. A key typed before that lands in the page
  // instead, and the caller sees it there (its field holds the letter).
  await new Promise((r) => setTimeout(r, 1_500));
  xdotool(display, 'key', key);
  if (!(await page.evaluate(() => (window as { doppelMenu?: boolean }).doppelMenu))) throw new Error(`the right-click did not reach ${selector}`);
};

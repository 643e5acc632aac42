// Launches Chromium with the flags this product needs and says whether the sandbox is on.
import puppeteer, { type Browser } from 'puppeteer';
import { WelcomematError } from '../errors.js';
import type { ResolvedOptions } from '../config/options.js';
import { requireBrowser } from './find-browser.js';
import { DESKTOP_VIEWPORT } from './viewport.js';

/**
 * Flags for an unattended auditor. The network ones matter: without them Chromium
 * calls home (updates, sync, safe browsing) and floods a closed network.
 */
export const BASE_CHROMIUM_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-extensions',
  // Containers give /dev/shm 64 MB; Chromium then crashes on big pages.
  '--disable-dev-shm-usage',
  // Audited pages may play media; the person running the audit should not hear it.
  '--mute-audio',
  // Pages in background tabs must still run their timers: we audit several at once.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  // A tab serves page after page (src/browser/tab-pool.ts); with the back-forward cache every
  // page it left stays alive in its renderer (9 renderers after 20 pages in one tab instead of
  // 3, and the benchmark's peak memory 1.4× higher). Nothing here goes back. puppeteer merges
  // this with its own --disable-features list.
  '--disable-features=BackForwardCache',
];

export interface LaunchedBrowser {
  browser: Browser;
  version: string;
  executablePath: string;
  sandbox: boolean;
  /** Why the sandbox is off, when it is; the report and logs say it. */
  sandboxNote: string;
}

function runningAsRoot(): boolean {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Chromium refuses to start as root with its sandbox. In "auto" mode we then turn it
 * off and say so: an explicit, logged choice, not a silent default.
 */
export function decideSandbox(mode: ResolvedOptions['browser']['sandbox']): { sandbox: boolean; note: string } {
  if (mode === 'on') return { sandbox: true, note: '' };
  if (mode === 'off') return { sandbox: false, note: 'Chromium sandbox off (browser.sandbox = "off")' };
  if (runningAsRoot()) {
    return { sandbox: false, note: 'Chromium sandbox off because the process runs as root (set browser.sandbox = "on" to refuse)' };
  }
  return { sandbox: true, note: '' };
}

/** WELCOMEMAT_CHROMIUM_ARGS: extra Chromium flags separated by spaces, e.g. for a proxy or resolver rules. */
function extraFlagsFromEnvironment(): string[] {
  return (process.env.WELCOMEMAT_CHROMIUM_ARGS ?? '').split(/\s+(?=--)/).map((flag) => flag.trim()).filter(Boolean);
}

export async function launchBrowser(browserOptions: Pick<ResolvedOptions['browser'], 'executablePath' | 'sandbox' | 'args'>): Promise<LaunchedBrowser> {
  const location = await requireBrowser(browserOptions.executablePath);
  const { sandbox, note } = decideSandbox(browserOptions.sandbox);
  const args = [
    ...BASE_CHROMIUM_FLAGS,
    ...(sandbox ? [] : ['--no-sandbox', '--disable-setuid-sandbox']),
    ...browserOptions.args,
    ...extraFlagsFromEnvironment(),
  ];
  try {
    const browser = await puppeteer.launch({
      executablePath: location.path,
      headless: true,
      args,
      // A pipe instead of a debugging port: nothing listens on the network.
      pipe: true,
      // Every tab at the desktop size the screenshot and interaction gatherers use, so axe's
      // layout, their boxes and the screenshot all agree (puppeteer's own default is 800×600).
      defaultViewport: { ...DESKTOP_VIEWPORT },
      // puppeteer turns Chromium's pop-up blocker off; audited pages must not open windows
      // on their own (a dialog in a pop-up blocks its opener's renderer, and so the audit).
      ignoreDefaultArgs: ['--disable-popup-blocking'],
      // Signals are handled by the audit, which closes the browser itself.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      protocolTimeout: 60_000,
    });
    return { browser, version: await browser.version(), executablePath: location.path, sandbox, sandboxNote: note };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new WelcomematError('BROWSER_LAUNCH_FAILED', `could not start the browser at ${location.path}: ${reason}`, { cause: error });
  }
}

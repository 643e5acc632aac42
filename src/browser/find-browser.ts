// Finds a Chrome or Chromium to drive: explicit path, then an installed browser, then puppeteer's own.
import fs from 'node:fs';
import puppeteer from 'puppeteer';
import { WelcomematError } from '../errors.js';

export type BrowserSource = 'option' | 'CHROME_PATH' | 'PUPPETEER_EXECUTABLE_PATH' | 'installed' | 'puppeteer';

export interface BrowserLocation {
  path: string;
  source: BrowserSource;
}

/** Where Chrome and Chromium are installed by the usual packages, most likely first. */
const INSTALLED_BROWSER_PATHS: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

export const HOW_TO_GET_A_BROWSER =
  'install Chromium (Debian/Ubuntu: "sudo apt-get install chromium"), or Google Chrome, ' +
  'or run "npx puppeteer browsers install chrome", or point CHROME_PATH at a Chrome/Chromium executable';

function isExecutableFile(path: string): boolean {
  try {
    return fs.statSync(path).isFile();
  } catch {
    return false;
  }
}

async function puppeteersOwnBrowser(): Promise<string | undefined> {
  try {
    const path = await puppeteer.executablePath();
    return isExecutableFile(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns the browser to launch, or null when none is installed. An explicit path
 * (option or environment) that does not exist is an error, not a silent fallback.
 */
export async function findBrowser(explicitPath?: string, env: NodeJS.ProcessEnv = process.env): Promise<BrowserLocation | null> {
  const explicit: [string | undefined, BrowserSource][] = [
    [explicitPath, 'option'],
    [env.CHROME_PATH, 'CHROME_PATH'],
    [env.PUPPETEER_EXECUTABLE_PATH, 'PUPPETEER_EXECUTABLE_PATH'],
  ];
  for (const [path, source] of explicit) {
    if (!path) continue;
    if (!isExecutableFile(path)) {
      const where = source === 'option' ? 'the browser path' : source;
      throw new WelcomematError('BROWSER_NOT_FOUND', `${where} "${path}" is not a file; ${HOW_TO_GET_A_BROWSER}`);
    }
    return { path, source };
  }
  for (const path of INSTALLED_BROWSER_PATHS[process.platform] ?? []) {
    if (isExecutableFile(path)) return { path, source: 'installed' };
  }
  const own = await puppeteersOwnBrowser();
  return own ? { path: own, source: 'puppeteer' } : null;
}

export async function requireBrowser(explicitPath?: string): Promise<BrowserLocation> {
  const found = await findBrowser(explicitPath);
  if (!found) throw new WelcomematError('BROWSER_NOT_FOUND', `no Chrome or Chromium found; ${HOW_TO_GET_A_BROWSER}`);
  return found;
}

// Set-up step: makes sure a Chrome or Chromium is there, installing Debian's chromium when it can.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { findBrowser, HOW_TO_GET_A_BROWSER } from '../dist/src/browser/find-browser.js';

function report(found) {
  console.log(`welcomemat: using ${found.path} (found via ${found.source})`);
}

async function tryFind() {
  try {
    return await findBrowser();
  } catch (error) {
    console.error(`welcomemat: error: ${error.message}`);
    process.exit(4);
  }
}

function canUseApt() {
  return process.platform === 'linux' && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
}

function installWithApt() {
  console.log("welcomemat: no Chrome/Chromium found; installing Debian's chromium and fonts with apt-get (a few minutes)...");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  // Fonts for non-Latin scripts and emoji: without them screenshots and contrast results are wrong.
  return run(['update', '-qq']) && run(['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation', 'fonts-noto-core', 'fonts-noto-cjk', 'fonts-noto-color-emoji']);
}

function installWithPuppeteer() {
  console.log("welcomemat: no Chrome/Chromium found; trying puppeteer's browser download...");
  try {
    execFileSync('npx', ['--no-install', 'puppeteer', 'browsers', 'install', 'chrome'], { stdio: 'inherit', timeout: 5 * 60_000 });
    return true;
  } catch {
    return false;
  }
}

let found = await tryFind();
if (!found) {
  if (canUseApt()) installWithApt();
  else installWithPuppeteer();
  found = await tryFind();
}
if (!found) {
  console.error(`welcomemat: error: no Chrome or Chromium could be found or installed; ${HOW_TO_GET_A_BROWSER}`);
  process.exit(4);
}
report(found);

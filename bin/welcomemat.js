#!/usr/bin/env node
// The welcomemat command: checks the Node version, then hands over to the compiled CLI.
const [major, minor] = process.versions.node.split('.').map(Number);
// puppeteer 25 and Lighthouse 13 need Node 22.19 or newer.
if (major < 22 || (major === 22 && minor < 19)) {
  console.error(`welcomemat: error: Node ${process.versions.node} is too old; welcomemat needs Node 22.19 or newer (run it through "npm run"/"npx", which use the Node installed with the project, or install Node 24)`);
  process.exit(2);
}
const { main } = await import('../dist/src/cli/main.js');
process.exitCode = await main(process.argv);
// Anything a hostile page left running must not keep the process alive after the report is written.
setTimeout(() => process.exit(process.exitCode), 2000).unref();

// Puppeteer's own browser download is skipped: welcomemat finds a browser itself
// (explicit path, then an installed Chrome/Chromium, then puppeteer's cache) and
// `npm run setup` installs one when none is there. A failed download must never
// fail `npm install` on a machine without internet.
module.exports = { skipDownload: true };

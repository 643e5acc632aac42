// Makes the demo site's two linked PDFs (run after a build): menu.pdf, made the way many menus are (no tags, no title, no language) so it fails; allergens.pdf, printed by Chromium with tags, title, language and bookmarks, so it passes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { launchBrowser } from '../dist/src/browser/launch.js';

const siteDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'demo-site');
/** A fixed date, so pdf-lib writes the same bytes on every run. */
const FIXED_DATE = new Date('2026-03-01T09:00:00Z');

const MENU = [
  ['Breads', ['Country sourdough  £4.50', 'Seeded rye  £4.80', 'Baguette  £2.20']],
  ['Pastries', ['Butter croissant  £2.40', 'Cinnamon bun  £2.90', 'Pain au chocolat  £2.70']],
  ['Cakes', ['Lemon drizzle slice  £3.20', 'Carrot cake slice  £3.40', 'Chocolate torte slice  £3.60']],
  ['Drinks', ['Flat white  £3.10', 'Pot of tea  £2.60', 'Hot chocolate  £3.30']],
];

/** The failing menu: text drawn straight onto the page, as a quick export or a design tool does; no tags, no title, no language. */
async function untaggedMenu() {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setProducer('Quick Export 2.1');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  let y = 780;
  page.drawText('Crumb & Kettle: menu', { x: 60, y, size: 24, font: bold });
  y -= 40;
  for (const [section, items] of MENU) {
    page.drawText(section, { x: 60, y, size: 16, font: bold });
    y -= 24;
    for (const item of items) {
      page.drawText(item.replace('£', 'GBP '), { x: 72, y, size: 12, font });
      y -= 18;
    }
    y -= 14;
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const ALLERGENS = [
  ['Breads', 'Country sourdough: wheat (gluten). Seeded rye: rye and wheat (gluten), sesame. Baguette: wheat (gluten).'],
  ['Pastries', 'Croissant, cinnamon bun and pain au chocolat: wheat (gluten), milk, egg. The chocolate may contain soya.'],
  ['Cakes', 'Lemon drizzle: wheat (gluten), egg, milk. Carrot cake: wheat (gluten), egg, milk, walnuts. Chocolate torte: egg, milk, almonds; it has no gluten.'],
  ['Drinks', 'Milk drinks are made with cow’s milk; oat milk is there on request and is made in a place that handles gluten.'],
];

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The passing document: real headings and text, a title the viewer shows, a language, tags and bookmarks from Chromium. */
function allergensHtml() {
  const sections = ALLERGENS.map(([heading, text]) => `<h2>${escapeHtml(heading)}</h2><p>${escapeHtml(text)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Crumb &amp; Kettle allergen guide</title>
<style>body { font: 14px/1.5 sans-serif; margin: 2cm; } h1 { font-size: 24px; } h2 { font-size: 18px; }</style></head><body>
<h1>Crumb &amp; Kettle allergen guide</h1>
<p>Everything is baked on Larder Lane, in a kitchen that also handles nuts, sesame and gluten. Ask us about any ingredient before you order.</p>
${sections}
</body></html>`;
}

async function allergens() {
  const { browser } = await launchBrowser({ sandbox: 'auto', args: [] });
  try {
    const page = await browser.newPage();
    await page.setContent(allergensHtml(), { waitUntil: 'load' });
    return Buffer.from(await page.pdf({ format: 'A4', tagged: true, outline: true }));
  } finally {
    await browser.close();
  }
}

fs.writeFileSync(path.join(siteDir, 'menu.pdf'), await untaggedMenu());
fs.writeFileSync(path.join(siteDir, 'allergens.pdf'), await allergens());
console.log('welcomemat: wrote demo-site/menu.pdf (fails) and demo-site/allergens.pdf (passes)');

// Fixture PDFs made by the tests themselves: printed by Chromium (tagged or not, with or without an outline) and built with pdf-lib (a scan, no title, form fields); nothing binary is committed.
import { deflateSync, crc32 } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import type { Browser } from 'puppeteer';
import { launchTestBrowser } from './test-browser.js';

export const ENGLISH_PARAGRAPH =
  'Our bakery opens every day at half past seven. We bake the bread through the night with sourdough and flour from nearby mills, and there is always hot coffee and a place to sit. On Sundays we close at two in the afternoon, and on holidays we open a little later.';
export const SPANISH_PARAGRAPH =
  'Nuestra panadería abre todos los días a las siete y media. Horneamos el pan durante la noche con masa madre y harina de molinos cercanos, y siempre hay café caliente y un sitio para sentarse. Los domingos cerramos a las dos de la tarde, y los festivos abrimos un poco más tarde.';

/** A 2×1 grey PNG, for <img> in the printed pages. */
const TINY_PNG = `data:image/png;base64,${png(2, 1, () => 128).toString('base64')}`;

/** A grayscale PNG made here (zlib and CRC-32 from Node), so no image file is committed. */
export function png(width: number, height: number, shade: (x: number, y: number) => number): Buffer {
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = shade(x, y);
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Sections of `paragraph`, one per printed page, with or without real headings. */
function sections(count: number, paragraph: string, headings: boolean): string {
  return Array.from({ length: count }, (_, i) =>
    headings
      ? `<section><h2>Part ${i + 1}</h2><p>${paragraph}</p><p>${paragraph}</p></section>`
      : `<section><p style="font-size:24px;font-weight:bold">Part ${i + 1}</p><p>${paragraph}</p><p>${paragraph}</p></section>`,
  ).join('\n');
}

export interface PrintedPage {
  lang: string;
  title: string;
  paragraph: string;
  pages: number;
  headings: boolean;
  /** Alt of the informative image; null leaves the alt attribute out. */
  imageAlt: string | null;
}

/** The HTML Chromium prints: one section per page, an informative image and a decorative one (alt=""). */
export function printedPageHtml({ lang, title, paragraph, pages, headings, imageAlt }: PrintedPage): string {
  const alt = imageAlt === null ? '' : ` alt="${imageAlt}"`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<style>section { break-after: page; } img { width: 120px; height: 60px; }</style></head><body>
${headings ? `<h1>${title}</h1>` : ''}
<img src="${TINY_PNG}"${alt}><img src="${TINY_PNG}" alt="">
${sections(pages, paragraph, headings)}
</body></html>`;
}

/** Prints HTML to PDF with Chromium. */
export async function printPdf(browser: Browser, html: string, options: { tagged: boolean; outline: boolean }): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return Buffer.from(await page.pdf({ format: 'A4', tagged: options.tagged, outline: options.outline }));
  } finally {
    await page.close();
  }
}

/** Chromium-printed fixtures: a well-made document, the same untagged, and a tagged one that breaks the structure checks. */
export async function chromiumFixtures(browser: Browser): Promise<Record<'good' | 'untagged' | 'badTagged', Buffer>> {
  const good: PrintedPage = { lang: 'en', title: 'Spring menu', paragraph: ENGLISH_PARAGRAPH, pages: 12, headings: true, imageAlt: 'A round sourdough loaf' };
  return {
    // Tagged, with an outline (Chromium builds it from the headings): passes every check.
    good: await printPdf(browser, printedPageHtml(good), { tagged: true, outline: true }),
    // Untagged (Chromium then writes no /Lang either).
    untagged: await printPdf(browser, printedPageHtml(good), { tagged: false, outline: false }),
    // Tagged, but declared English with Spanish text, no heading tags, an image without alt, 12 pages without an outline.
    badTagged: await printPdf(browser, printedPageHtml({ ...good, paragraph: SPANISH_PARAGRAPH, headings: false, imageAlt: null }), { tagged: true, outline: false }),
  };
}

/** The Chromium-printed fixtures, printed by a test browser of their own that is closed afterwards: for tests that serve them. */
export async function printedFixtures(): Promise<Record<'good' | 'untagged' | 'badTagged', Buffer>> {
  const browser = await launchTestBrowser();
  try {
    return await chromiumFixtures(browser);
  } finally {
    await browser.close();
  }
}

/** A one-page "scan": an image of a page and no text, titled and with a language, so only the text check fails. */
export async function scannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle('Scanned menu', { showInWindowTitleBar: true });
  doc.setLanguage('en');
  const image = await doc.embedPng(png(300, 400, (x, y) => ((y >> 3) % 3 === 0 && x > 20 && x < 280 ? 30 : 245)));
  const page = doc.addPage([612, 792]);
  page.drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  return Buffer.from(await doc.save());
}

/** A one-page text PDF without a title in its metadata (and so without DisplayDocTitle). */
export async function untitledPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setLanguage('en');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([612, 792]).drawText('Price list', { x: 72, y: 700, size: 14, font });
  return Buffer.from(await doc.save());
}

/** A form with two text fields: with `tooltips`, each has a /TU; without, they are "Text1" and "Text2" with nothing a screen reader can announce. */
export async function formPdf(tooltips: boolean): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(tooltips ? 'Order form' : 'Order form without names', { showInWindowTitleBar: true });
  doc.setLanguage('en');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  page.drawText('Name', { x: 72, y: 700, size: 12, font });
  page.drawText('Phone', { x: 72, y: 650, size: 12, font });
  const form = doc.getForm();
  for (const [index, label] of ['Name', 'Phone'].entries()) {
    const field = form.createTextField(`Text${index + 1}`);
    field.addToPage(page, { x: 140, y: 695 - index * 50, width: 200, height: 20 });
    if (tooltips) field.acroField.dict.set(PDFName.of('TU'), PDFString.of(label));
  }
  return Buffer.from(await doc.save());
}

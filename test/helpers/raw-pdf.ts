// Hand-written PDFs for tests: a minimal writer with a correct xref, RC4 encryption (standard security handler, revision 3), a decompression bomb, JavaScript, unmapped glyphs.
import { createHash } from 'node:crypto';
import { createDeflate } from 'node:zlib';

/** One indirect object: its dictionary or value, and the stream bytes when it is a stream. */
export interface RawObject {
  /** Object number (generation is always 0 here). */
  num: number;
  /** The object's text without "obj/endobj"; for a stream, its dictionary without /Length. */
  body: string;
  stream?: Buffer;
}

/** Writes objects, an xref table and a trailer; `trailerExtra` adds entries such as /Encrypt and /ID. */
export function writePdf(objects: RawObject[], { root, info, trailerExtra = '', version = '1.7' }: { root: number; info?: number; trailerExtra?: string; version?: string }): Buffer {
  const parts: Buffer[] = [Buffer.from(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`, 'latin1')];
  let offset = parts[0].length;
  const offsets = new Map<number, number>();
  for (const object of objects) {
    offsets.set(object.num, offset);
    const chunk = object.stream
      ? Buffer.concat([Buffer.from(`${object.num} 0 obj\n${object.body.replace(/>>\s*$/, `/Length ${object.stream.length} >>`)}\nstream\n`, 'latin1'), object.stream, Buffer.from('\nendstream\nendobj\n', 'latin1')])
      : Buffer.from(`${object.num} 0 obj\n${object.body}\nendobj\n`, 'latin1');
    parts.push(chunk);
    offset += chunk.length;
  }
  const size = Math.max(...objects.map((object) => object.num)) + 1;
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let num = 1; num < size; num++) {
    const at = offsets.get(num);
    xref += at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`;
  }
  const trailer = `trailer\n<< /Size ${size} /Root ${root} 0 R${info ? ` /Info ${info} 0 R` : ''} ${trailerExtra} >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref + trailer, 'latin1'));
  return Buffer.concat(parts);
}

/** A PDF string as hex, so any bytes (encrypted ones too) survive. */
export function hexString(bytes: Buffer | string): string {
  return `<${Buffer.from(bytes).toString('hex')}>`;
}

/** A page content stream that shows `lines` of text in Helvetica. */
export function textContent(lines: string[]): Buffer {
  const escaped = lines.map((line) => `(${line.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj T*`);
  return Buffer.from(`BT /F1 12 Tf 14 TL 72 720 Td ${escaped.join(' ')} ET`, 'latin1');
}

/** The catalog, pages, one page and a Helvetica font: objects 1–4; the page's content is object 5. */
function onePage(content: Buffer, { catalogExtra = '', pageExtra = '' } = {}): RawObject[] {
  return [
    { num: 1, body: `<< /Type /Catalog /Pages 2 0 R ${catalogExtra} >>` },
    { num: 2, body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    { num: 3, body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R ${pageExtra} >>` },
    { num: 4, body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' },
    { num: 5, body: '<< >>', stream: content },
  ];
}

/** A plain one-page PDF with text, a title and a language, untagged. */
export function plainPdf(lines: string[], { title = 'Plain', lang = 'en' } = {}): Buffer {
  const objects = onePage(textContent(lines), { catalogExtra: lang ? `/Lang (${lang})` : '' });
  objects.push({ num: 6, body: `<< /Title (${title}) /Producer (welcomemat tests) >>` });
  return writePdf(objects, { root: 1, info: 6 });
}

// --- RC4 and the standard security handler (ISO 32000-1, 7.6.3), revision 3, 128-bit keys ---

/** RC4 in a few lines: Node's OpenSSL 3 keeps rc4 in the legacy provider, which may be off. */
export function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();

/** The padding string of Algorithm 2. */
const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
const KEY_BYTES = 16;

/** RC4 once with the key, then 19 times with the key XORed with 1..19 (revision 3). */
function rc4Twenty(key: Buffer, data: Buffer): Buffer {
  let out = rc4(key, data);
  for (let i = 1; i <= 19; i++) out = rc4(Buffer.from(key.map((byte) => byte ^ i)), out);
  return out;
}

function fileKey(userPassword: string, o: Buffer, p: number, id: Buffer): Buffer {
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(p);
  let hash = md5(padded(userPassword), o, pBytes, id);
  for (let i = 0; i < 50; i++) hash = md5(hash.subarray(0, KEY_BYTES));
  return hash.subarray(0, KEY_BYTES);
}

/** The permission bits a test may grant (ISO 32000-1, Table 22). */
export const PERMISSION = { print: 1 << 2, modify: 1 << 3, copy: 1 << 4, annotate: 1 << 5, fillForms: 1 << 8, accessibility: 1 << 9, assemble: 1 << 10, printHighQuality: 1 << 11 };

/**
 * A one-page PDF encrypted with RC4-128 (V2, R3). With an empty user password it opens
 * without one and only the permissions restrict it; with a user password it does not
 * open at all. `permissions` is an OR of PERMISSION bits.
 */
export function encryptedPdf({ userPassword = '', ownerPassword = 'owner', permissions, lines, title = 'Locked menu', lang = 'en' }: { userPassword?: string; ownerPassword?: string; permissions: number; lines: string[]; title?: string; lang?: string }): Buffer {
  // Bits 7–8 and 13–32 must be 1 in revision 3; bits 1–2 must be 0.
  const p = (0xfffff0c0 | permissions) | 0;
  const id = createHash('md5').update(`welcomemat-test-${title}`).digest();
  let ownerKey = md5(padded(ownerPassword || userPassword));
  for (let i = 0; i < 50; i++) ownerKey = md5(ownerKey);
  const o = rc4Twenty(ownerKey.subarray(0, KEY_BYTES), padded(userPassword));
  const key = fileKey(userPassword, o, p, id);
  const u = Buffer.concat([rc4Twenty(key, md5(PAD, id)), Buffer.alloc(16)]);
  const objectKey = (num: number) => {
    const suffix = Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, 0, 0]);
    return md5(key, suffix).subarray(0, Math.min(KEY_BYTES + 5, 16));
  };
  const encryptString = (num: number, text: string) => hexString(rc4(objectKey(num), Buffer.from(text, 'latin1')));
  const objects = onePage(Buffer.alloc(0), { catalogExtra: `/Lang ${encryptString(1, lang)}` });
  objects[4] = { num: 5, body: '<< >>', stream: rc4(objectKey(5), textContent(lines)) };
  objects.push({ num: 6, body: `<< /Title ${encryptString(6, title)} >>` });
  objects.push({ num: 7, body: `<< /Filter /Standard /V 2 /R 3 /Length 128 /O ${hexString(o)} /U ${hexString(u)} /P ${p} >>` });
  return writePdf(objects, { root: 1, info: 6, trailerExtra: `/Encrypt 7 0 R /ID [${hexString(id)} ${hexString(id)}]` });
}

/**
 * A small file whose page content is a FlateDecode stream that inflates to `inflatedBytes`
 * of spaces: about 4.5 KB of file per MB inflated.
 */
export async function decompressionBomb(inflatedBytes: number): Promise<Buffer> {
  // Level 1 is five times faster here and still packs spaces about 230:1.
  const deflate = createDeflate({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const block = Buffer.alloc(1024 * 1024, 0x20);
  for (let written = 0; written < inflatedBytes; written += block.length) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  const objects = onePage(Buffer.alloc(0), { catalogExtra: '/Lang (en)' });
  objects[4] = { num: 5, body: '<< /Filter /FlateDecode >>', stream: Buffer.concat(chunks) };
  objects.push({ num: 6, body: '<< /Title (Bomb) >>' });
  return writePdf(objects, { root: 1, info: 6 });
}

/**
 * A PDF whose JavaScript, if anything ever ran it, would call `beaconUrl` (with fetch in
 * a JavaScript engine, submitForm or launchURL in a PDF viewer): on open, on page open and
 * from a form field.
 */
export function javascriptPdf(beaconUrl: string): Buffer {
  const js = `try { fetch('${beaconUrl}?via=fetch'); } catch (e) {} try { this.submitForm('${beaconUrl}?via=submit'); } catch (e) {} try { app.launchURL('${beaconUrl}?via=launch'); } catch (e) {}`;
  const objects = onePage(textContent(['This document carries JavaScript that must never run.']), {
    catalogExtra: `/Lang (en) /OpenAction 8 0 R /Names << /JavaScript << /Names [(boot) 8 0 R] >> >> /AcroForm << /Fields [9 0 R] >>`,
    pageExtra: '/AA << /O 8 0 R >> /Annots [9 0 R]',
  });
  objects.push({ num: 6, body: '<< /Title (Scripted) >>' });
  objects.push({ num: 8, body: `<< /Type /Action /S /JavaScript /JS (${js.replace(/[\\()]/g, (c) => `\\${c}`)}) >>` });
  objects.push({ num: 9, body: `<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /TU (Your name) /Rect [72 600 300 620] /P 3 0 R /AA << /K 8 0 R /F 8 0 R >> >>` });
  return writePdf(objects, { root: 1, info: 6 });
}

/**
 * Text drawn with a Type 3 font whose glyph names mean nothing (/g1, /g2, …) and which has
 * no ToUnicode map: the characters cannot be mapped to Unicode.
 */
export function unmappedGlyphsPdf(characters: number): Buffer {
  const codes = Array.from({ length: characters }, (_, i) => 1 + (i % 20));
  const show = `BT /F9 12 Tf 72 720 Td <${Buffer.from(codes).toString('hex')}> Tj ET`;
  const objects = onePage(Buffer.from(show, 'latin1'), { catalogExtra: '/Lang (en)' });
  objects[2] = { num: 3, body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F9 4 0 R >> >> /Contents 5 0 R >>' };
  const names = Array.from({ length: 20 }, (_, i) => `/g${i + 1}`).join(' ');
  const procs = Array.from({ length: 20 }, (_, i) => `/g${i + 1} 7 0 R`).join(' ');
  objects[3] = {
    num: 4,
    body: `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 10 10] /FontMatrix [0.1 0 0 0.1 0 0] /CharProcs << ${procs} >> /Encoding << /Type /Encoding /Differences [1 ${names}] >> /FirstChar 1 /LastChar 20 /Widths [${Array(20).fill(10).join(' ')}] /Resources << >> >>`,
  };
  objects.push({ num: 6, body: '<< /Title (Glyphs) >>' });
  objects.push({ num: 7, body: '<< >>', stream: Buffer.from('10 0 d0 0 0 8 8 re f', 'latin1') });
  return writePdf(objects, { root: 1, info: 6 });
}

// White-label branding for agency reports: validated logo (embedded as a data URI) and colours kept readable.
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { WelcomematError } from '../errors.js';

export interface BrandingInput {
  /** The agency's name, shown in the header and footer instead of welcomemat's. */
  agencyName?: string;
  /** Path to a logo file (PNG, JPEG, GIF, WebP or SVG), relative to `baseDir`. */
  logoPath?: string;
  /** Main brand colour as #rgb or #rrggbb: header band (with white text) and links. */
  primaryColour?: string;
  /** Second colour as #rgb or #rrggbb: borders and accents (also kept at 4.5:1 on white). */
  accentColour?: string;
  /** A line such as "Questions? hello@agency.example · +44 20 7946 0000". */
  contact?: string;
  /** The client the report is for. */
  clientName?: string;
  /** Show "Made with welcomemat"; default true without an agency name, false with one. */
  showWelcomemat?: boolean;
}

export interface Branding {
  agencyName: string;
  logoDataUri?: string;
  primaryColour: string;
  accentColour: string;
  contact: string;
  clientName: string;
  showWelcomemat: boolean;
  /** What was changed or dropped to keep the report readable, for the CLI to print. */
  warnings: string[];
}

/** Largest logo embedded; bigger files bloat every report copy. 256 KiB fits any sensible logo. */
export const MAX_LOGO_BYTES = 256 * 1024;
/** WCAG 1.4.3 minimum contrast for normal text. */
export const MIN_CONTRAST = 4.5;
/** welcomemat's own link colour, 7.4:1 on white. */
const DEFAULT_PRIMARY = '#0a4fb0';

export const DEFAULT_BRANDING: Branding = {
  agencyName: '',
  primaryColour: DEFAULT_PRIMARY,
  accentColour: DEFAULT_PRIMARY,
  contact: '',
  clientName: '',
  showWelcomemat: true,
  warnings: [],
};

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

function parseHex(hex: string): [number, number, number] {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: [number, number, number]): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    // The sRGB transfer function's linear segment ends at 0.04045 (WCAG 2 definition).
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  // ITU-R BT.709 luminance weights, as WCAG defines them.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  // 0.05 is WCAG's flare term.
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The colour itself when it reaches 4.5:1 against white; otherwise the same hue darkened
 * step by step until it does (so white text on it and it as text on white both read).
 */
export function readableOnWhite(hex: string): string {
  let rgb = parseHex(hex);
  let colour = toHex(rgb);
  // 5 % darker per step; at most 60 steps reaches black, which always passes.
  for (let step = 0; step < 60 && contrastRatio(colour, '#ffffff') < MIN_CONTRAST; step++) {
    rgb = rgb.map((c) => c * 0.95) as [number, number, number];
    colour = toHex(rgb);
  }
  return colour;
}

const LOGO_TYPES: Array<{ type: string; test: (bytes: Buffer, ext: string) => boolean }> = [
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a' },
  { type: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  // SVG has no magic number; an <img> never runs its scripts, and the report's CSP forbids them anyway.
  { type: 'image/svg+xml', test: (b, ext) => ext === '.svg' && /<svg[\s>]/i.test(b.subarray(0, 4096).toString('utf8')) },
];

/** Reads and checks a logo file; a wrong type or an oversized file is an option error, not a broken report. */
export async function logoDataUri(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    throw new WelcomematError('BAD_OPTIONS', `branding logo ${file} cannot be read: ${(error as Error).message}`);
  }
  if (bytes.length > MAX_LOGO_BYTES) {
    throw new WelcomematError('BAD_OPTIONS', `branding logo ${file} is ${Math.ceil(bytes.length / 1024)} KiB; the limit is ${MAX_LOGO_BYTES / 1024} KiB`);
  }
  const ext = path.extname(file).toLowerCase();
  const kind = LOGO_TYPES.find((candidate) => candidate.test(bytes, ext));
  if (!kind) throw new WelcomematError('BAD_OPTIONS', `branding logo ${file} is not a PNG, JPEG, GIF, WebP or SVG image`);
  return `data:${kind.type};base64,${bytes.toString('base64')}`;
}

/** Validates branding options and works out the colours and logo the report uses. */
export async function resolveBranding(input: BrandingInput | undefined, baseDir: string = process.cwd()): Promise<Branding> {
  if (!input) return { ...DEFAULT_BRANDING, warnings: [] };
  const warnings: string[] = [];
  const colour = (value: string | undefined, name: string): string => {
    if (value === undefined || value === '') return DEFAULT_PRIMARY;
    if (!HEX.test(value.trim())) throw new WelcomematError('BAD_OPTIONS', `branding ${name} "${value}" is not a hex colour such as #1a5fb4`);
    const readable = readableOnWhite(value.trim().toLowerCase());
    if (readable !== toHex(parseHex(value.trim()))) {
      warnings.push(
        `branding ${name} ${value} has a contrast of ${contrastRatio(value.trim(), '#ffffff').toFixed(2)}:1 with white, under ${MIN_CONTRAST}:1; using ${readable} instead`,
      );
    }
    return readable;
  };
  const primaryColour = colour(input.primaryColour, 'primaryColour');
  const accentColour = input.accentColour ? colour(input.accentColour, 'accentColour') : primaryColour;
  const agencyName = (input.agencyName ?? '').trim();
  return {
    agencyName,
    ...(input.logoPath ? { logoDataUri: await logoDataUri(path.resolve(baseDir, input.logoPath)) } : {}),
    primaryColour,
    accentColour,
    contact: (input.contact ?? '').trim(),
    clientName: (input.clientName ?? '').trim(),
    showWelcomemat: input.showWelcomemat ?? agencyName === '',
    warnings,
  };
}

/** Reads a branding file (JSON or YAML) for --brand-config; a relative logoPath is made relative to the file. */
export function readBrandConfig(file: string): BrandingInput {
  let data: unknown;
  try {
    const text = fsSync.readFileSync(file, 'utf8');
    data = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new WelcomematError('BAD_OPTIONS', `branding file ${file} cannot be read: ${(error as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new WelcomematError('BAD_OPTIONS', `branding file ${file} must hold an object`);
  const input = data as BrandingInput;
  const known = ['agencyName', 'logoPath', 'primaryColour', 'accentColour', 'contact', 'clientName', 'showWelcomemat'];
  const unknown = Object.keys(input).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new WelcomematError('BAD_OPTIONS', `branding file ${file}: unknown ${unknown.join(', ')}; use ${known.join(', ')}`);
  return input.logoPath ? { ...input, logoPath: path.resolve(path.dirname(file), input.logoPath) } : input;
}

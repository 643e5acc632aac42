// Flags abbreviations in the main text that are never expanded on the page (needs review).
import { definePageCheck, message } from './check.js';
import type { CheckResult } from './check.js';
import { stringListSetting } from './util/settings.js';

/** Abbreviations most readers know better than their expansion; extend with the "known" setting. */
const WELL_KNOWN = new Set([
  'OK', 'TV', 'UK', 'US', 'USA', 'EU', 'UN', 'FAQ', 'FAQS', 'PDF', 'AM', 'PM', 'ID', 'DIY', 'BBC', 'NHS', 'CEO', 'DVD', 'CD', 'PC', 'USB', 'GPS', 'ATM', 'PIN',
  'SMS', 'URL', 'HTML', 'CSS', 'IT', 'HR', 'PR', 'VAT', 'GMT', 'UTC', 'BST', 'CET', 'AD', 'BC', 'NYC', 'LA', 'WC', 'AI', 'FBI', 'NASA', 'WIFI', 'QR', 'RSVP', 'ASAP',
  'MR', 'MRS', 'MS', 'DR', 'ST', 'I', 'A', 'NB', 'PS', 'VIP', 'DJ', 'MC', 'ETA', 'TBC', 'TBA', 'COVID', 'LGBT', 'LGBTQ', 'LGBTQIA',
]);
/**
 * Words written in capitals for emphasis ("come IN", "OPEN every day", "GRATIS"), in the
 * languages of the site's visitors: they are words, not abbreviations.
 */
const EMPHASIS_WORDS = new Set([
  'IN', 'ON', 'AT', 'TO', 'NO', 'GO', 'UP', 'OR', 'OF', 'IS', 'BE', 'DO', 'WE', 'US', 'MY', 'SO', 'OH', 'HI', 'BY', 'AN', 'AS', 'IF', 'IT', 'ME',
  'NOW', 'NEW', 'ALL', 'YES', 'NOT', 'AND', 'THE', 'OFF', 'OUT', 'HOT', 'TOP', 'BIG', 'FOR', 'YOU', 'OUR', 'GET', 'BUY', 'WOW', 'FUN', 'ONE', 'TWO',
  'FREE', 'OPEN', 'SALE', 'BEST', 'ONLY', 'MORE', 'HERE', 'THIS', 'THAT', 'WITH', 'FROM', 'YOUR', 'JUST', 'LAST', 'NEXT', 'EVERY', 'TODAY', 'CLOSED',
  'NEVER', 'ALWAYS', 'MUST', 'NOTE', 'STOP', 'WAIT', 'BACK', 'SOON', 'HELP', 'NEWS', 'MENU', 'CAKE', 'BREAD', 'DEAL', 'DEALS', 'OFFER', 'ORDER',
  'NUEVO', 'GRATIS', 'OFERTA', 'HOY', 'AHORA', 'TODO', 'ABIERTO', 'CERRADO', 'NUR', 'NEU', 'HEUTE', 'JETZT', 'OUVERT', 'FERME', 'NOUVEAU',
]);
/** Element names and web words that show up in capitals in articles about websites. */
const WEB_WORDS = new Set(['DIV', 'SPAN', 'IMG', 'NAV', 'ARIA', 'DOM', 'API', 'JSON', 'XML', 'SVG', 'HTTP', 'HTTPS', 'WWW', 'JS', 'PNG', 'JPG', 'JPEG', 'GIF', 'MP3', 'MP4']);
/** 2-6 capitals (digits allowed after the first letter) as a whole word: HACCP, GDPR, B2B. */
const ABBREVIATION = /\b[A-Z][A-Z0-9]{1,5}\b/g;
/** Twenty abbreviations per page is plenty. */
const MAX_RESULTS = 20;

/**
 * Not an abbreviation at all: a word in capitals for emphasis, a heading or paper size
 * such as H4 or A4, or a person's initials before their surname ("JK Rowling").
 */
function notAnAbbreviation(abbr: string, text: string, index: number): boolean {
  if (EMPHASIS_WORDS.has(abbr) || WEB_WORDS.has(abbr)) return true;
  // A letter and one or two digits: heading levels (H4), paper sizes (A4), roads (M25).
  if (/^[A-Z]\d{1,2}$/.test(abbr)) return true;
  // Two or three initials right before a capitalised surname.
  const after = text.slice(index + abbr.length, index + abbr.length + 30);
  return abbr.length <= 3 && /^[A-Z]+$/.test(abbr) && /^\s+[A-Z][a-z]{2,}/.test(after) && (index === 0 || /[\s(“"']/.test(text[index - 1]));
}

function expandedNearby(text: string, abbr: string, index: number): boolean {
  if (index < 0) return false;
  // "HACCP (Hazard Analysis…)" or "HACCP – Hazard Analysis…".
  const after = text.slice(index + abbr.length, index + abbr.length + 120);
  if (/^\s*\([^)]{4,}\)/.test(after) || /^\s*[–—]\s*\w{4,}/.test(after)) return true;
  // "Hazard Analysis Critical Control Point (HACCP)": the words before the bracket start with its letters.
  if (text[index - 1] === '(' && text[index + abbr.length] === ')') {
    const words = text.slice(Math.max(0, index - 160), index - 1).trim().split(/\s+/).slice(-(abbr.length + 3));
    const initials = words.map((w) => w[0]?.toUpperCase() ?? '').join('');
    return initials.includes(abbr.replace(/\d/g, '').slice(0, 2));
  }
  return false;
}

export default definePageCheck({
  meta: {
    id: 'abbreviation-unexpanded',
    title: 'Abbreviations are explained on first use',
    family: 'wording',
    affects: ['cognitive', 'other-language', 'blind'],
    wcag: ['3.1.4'],
    level: 'AAA',
    impact: 'minor',
    whyItMatters: 'Industry abbreviations such as "HACCP" mean nothing to most visitors, and screen readers may spell them out or mispronounce them.',
    howToFix: 'Write the full form the first time, with the abbreviation after it in brackets, or use <abbr title="…">.',
    example: 'We follow a Hazard Analysis and Critical Control Points (HACCP) plan.',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/abbreviations.html',
    messages: {
      notExpanded: 'The abbreviation "{abbr}" is not expanded where it is first used.',
    },
  },
  requires: ['content'],
  evaluate({ content }, { settings }) {
    const known = new Set([...WELL_KNOWN, ...stringListSetting(settings, 'known').map((k) => k.toUpperCase())]);
    const explained = new Set(content.abbreviations.filter((a) => a.title).map((a) => a.text.toUpperCase()));
    const checked = new Set<string>();
    const results: CheckResult[] = [];
    for (const block of content.blocks) {
      if (results.length >= MAX_RESULTS) break;
      if (!block.inMain || /^h[1-6]$/.test(block.tag)) continue;
      // Text in capitals throughout (a shouted heading, a code) is not full of abbreviations.
      const letters = block.text.replace(/[^A-Za-z]/g, '');
      if (letters.length > 0 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.5) continue;
      for (const match of block.text.matchAll(ABBREVIATION)) {
        const abbr = match[0];
        if (checked.has(abbr) || known.has(abbr) || explained.has(abbr) || /^\d/.test(abbr)) continue;
        if (notAnAbbreviation(abbr, block.text, match.index ?? 0)) continue;
        checked.add(abbr);
        if (expandedNearby(block.text, abbr, match.index ?? 0)) continue;
        // Expanded anywhere on the page counts too.
        if (content.blocks.some((b) => b !== block && expandedNearby(b.text, abbr, b.text.indexOf(abbr)) && b.text.includes(abbr))) continue;
        results.push({
          kind: 'needs-review',
          selector: block.selector,
          snippet: block.snippet,
          message: message('notExpanded', { abbr }),
        });
      }
    }
    return results;
  },
});

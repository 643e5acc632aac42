// Unit tests for the WCAG 2.2 success criteria table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { criterion, SUCCESS_CRITERIA } from '../../../src/util/wcag.js';

const BASE = 'https://www.w3.org/WAI/WCAG22/Understanding/';

test('covers all 86 WCAG 2.2 success criteria, without the removed 4.1.1', () => {
  assert.equal(Object.keys(SUCCESS_CRITERIA).length, 86);
  assert.equal(criterion('4.1.1'), undefined);
  const levels = Object.values(SUCCESS_CRITERIA).map((sc) => sc.level);
  assert.equal(levels.filter((level) => level === 'A').length, 31);
  assert.equal(levels.filter((level) => level === 'AA').length, 24);
  assert.equal(levels.filter((level) => level === 'AAA').length, 31);
});

test('Understanding links use the kebab-case title', () => {
  const expected: Record<string, string> = {
    '1.1.1': 'non-text-content',
    '1.4.3': 'contrast-minimum',
    '1.4.10': 'reflow',
    '2.2.2': 'pause-stop-hide',
    '2.4.7': 'focus-visible',
    '2.4.11': 'focus-not-obscured-minimum',
    '3.2.6': 'consistent-help',
    '3.3.4': 'error-prevention-legal-financial-data',
    '4.1.2': 'name-role-value',
    '1.2.1': 'audio-only-and-video-only-prerecorded',
    '2.5.8': 'target-size-minimum',
  };
  for (const [id, slug] of Object.entries(expected)) assert.equal(criterion(id)?.url, `${BASE}${slug}.html`, id);
});

test('entries carry id, title and level', () => {
  assert.deepEqual(criterion('2.4.11'), {
    id: '2.4.11',
    title: 'Focus Not Obscured (Minimum)',
    level: 'AA',
    url: `${BASE}focus-not-obscured-minimum.html`,
  });
  assert.equal(criterion('3.3.7')?.level, 'A');
  assert.equal(criterion('toString'), undefined);
  assert.equal(criterion('9.9.9'), undefined);
});

// withPageChangeDates: when each page last changed, from the content hashes kept in the run history.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ComparableReport } from '../../../src/report/compare.js';
import { historyEntryOf, withPageChangeDates } from '../../../src/report/history.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

function run(startedAt: string, hashes?: Record<string, string>): ComparableReport {
  return {
    siteName: 's',
    startedAt,
    summary: { violations: 0, needsReview: 0, pagesAudited: 1, fixes: 0 },
    fixes: [],
    ...(hashes ? { pageHashes: Object.entries(hashes).map(([url, hash]) => ({ url, hash })) } : {}),
  };
}

describe('page change dates from the run history', () => {
  const report = makeSampleReport({ pages: 3 });
  const [home, second, third] = report.pages.map((page) => page.finalUrl);
  report.pages[0].contentHash = 'h-home';
  report.pages[1].contentHash = 'h-second-new';
  report.pages[2].contentHash = 'h-third';

  it('dates an unchanged page from the first run that had its content, a changed or new page from this run', () => {
    const past = [run('2026-11-02T00:00:00.000Z', { [home]: 'h-home', [second]: 'h-second' }), run('2026-11-09T00:00:00.000Z', { [home]: 'h-home', [second]: 'h-second' }), run('2026-11-16T00:00:00.000Z', { [home]: 'h-home', [second]: 'h-second' })];
    const dated = withPageChangeDates(report, past);
    assert.equal(dated.pages[0].contentChangedAt, '2026-11-02T00:00:00.000Z');
    assert.equal(dated.pages[1].contentChangedAt, report.startedAt, 'changed this run');
    assert.equal(dated.pages[2].contentChangedAt, report.startedAt, `${third} is new`);
  });

  it('stops at a run that recorded no hashes, and says nothing without a recent hashed run', () => {
    const past = [run('2026-11-02T00:00:00.000Z', { [home]: 'h-home' }), run('2026-11-09T00:00:00.000Z'), run('2026-11-16T00:00:00.000Z', { [home]: 'h-home' })];
    assert.equal(withPageChangeDates(report, past).pages[0].contentChangedAt, '2026-11-16T00:00:00.000Z');
    const unknown = withPageChangeDates(report, [run('2026-11-16T00:00:00.000Z')]);
    assert.equal(unknown.pages[0].contentChangedAt, undefined);
    assert.equal(withPageChangeDates(report, []).pages[0].contentChangedAt, undefined);
  });

  it('keeps the hashes in the history entry', () => {
    assert.deepEqual(historyEntryOf(report).pageHashes?.map((page) => page.hash), ['h-home', 'h-second-new', 'h-third']);
    assert.equal(historyEntryOf(makeSampleReport({ pages: 2 })).pageHashes, undefined);
  });
});

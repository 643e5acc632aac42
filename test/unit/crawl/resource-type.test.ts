// Unit tests for telling HTML pages from other resources by extension and Content-Type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nonHtmlReasonForUrl, isHtmlContentType, describeContentType } from '../../../src/crawl/resource-type.js';

test('names non-HTML files by extension', () => {
  assert.equal(nonHtmlReasonForUrl('https://x.test/files/Report.PDF'), 'PDF document (.pdf)');
  assert.equal(nonHtmlReasonForUrl('https://x.test/logo.svg?v=2'), 'Image (.svg)');
  assert.equal(nonHtmlReasonForUrl('https://x.test/a.docx'), 'Office document (.docx)');
  assert.equal(nonHtmlReasonForUrl('https://x.test/a.tar.gz'), 'Archive (.gz)');
  assert.equal(nonHtmlReasonForUrl('https://x.test/a.mp4'), 'Video file (.mp4)');
  assert.equal(nonHtmlReasonForUrl('https://x.test/a.mp3'), 'Audio file (.mp3)');
  assert.equal(nonHtmlReasonForUrl('https://x.test/font.woff2'), 'Font (.woff2)');
  assert.equal(nonHtmlReasonForUrl('https://x.test/event.ics'), 'Calendar file (.ics)');
});

test('every listed extension is recognised', () => {
  const extensions =
    'pdf jpg jpeg png gif webp svg avif ico bmp tiff doc docx xls xlsx ppt pptx odt zip gz tgz rar 7z mp3 mp4 webm mov avi wav ogg m4a exe dmg apk iso csv json xml txt css js woff woff2 ttf eot ics vcf'.split(' ');
  for (const extension of extensions) {
    assert.notEqual(nonHtmlReasonForUrl(`https://x.test/file.${extension}`), null, extension);
  }
});

test('returns null for pages', () => {
  for (const url of [
    'https://x.test/',
    'https://x.test/about',
    'https://x.test/index.html',
    'https://x.test/a.htm',
    'https://x.test/a.php?id=1',
    'https://x.test/a.asp',
    'https://x.test/a.aspx',
    'https://x.test/v1.2/',
    'https://x.test/.well-known',
    'https://x.test/page#file.pdf',
  ]) {
    assert.equal(nonHtmlReasonForUrl(url), null, url);
  }
});

test('isHtmlContentType', () => {
  assert.equal(isHtmlContentType('text/html; charset=utf-8'), true);
  assert.equal(isHtmlContentType('Application/XHTML+XML'), true);
  assert.equal(isHtmlContentType(''), true);
  assert.equal(isHtmlContentType('application/pdf'), false);
  assert.equal(isHtmlContentType('text/plain'), false);
  assert.equal(isHtmlContentType('application/json'), false);
});

test('describeContentType gives short labels', () => {
  assert.equal(describeContentType('text/html; charset=utf-8'), 'HTML page');
  assert.equal(describeContentType('application/pdf'), 'PDF document');
  assert.equal(describeContentType('image/png'), 'Image (image/png)');
  assert.equal(describeContentType('application/vnd.openxmlformats-officedocument.wordprocessingml.document'), 'Office document');
  assert.equal(describeContentType(''), 'Unknown type (no Content-Type)');
  assert.equal(describeContentType('application/x-weird'), 'application/x-weird');
});

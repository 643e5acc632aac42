// A hash of what a page says and asks (text, headings, images, links to help, media, form fields), so a later run can tell that a person's verdict may be out of date.
import { createHash } from 'node:crypto';
import type { ContentArtifact } from '../gather/content-gatherer.js';
import type { FormsArtifact } from '../gather/forms-gatherer.js';

/** 32 hex digits (128 bits): no two different pages of a site will ever share one. */
const HASH_CHARS = 32;

export interface ContentHashInput {
  title: string;
  lang: string;
  content?: ContentArtifact;
  forms?: FormsArtifact;
}

/** An image source without its query (cache-busting parameters change on every deploy). */
function stablePath(src: string): string {
  return src.split(/[?#]/)[0] ?? '';
}

/**
 * The page's content hash, for PageResult.contentHash. It covers the text and structure a
 * person's verdict rests on, not the layout or the styling: selectors, boxes, snippets and
 * colours are left out, so a restyled page with the same words, images and fields keeps its
 * hash (automated rules still re-check what they can on every run). Absent artifacts hash as empty.
 */
export function pageContentHash(input: ContentHashInput): string {
  const content = input.content;
  const forms = input.forms;
  const facts = {
    title: input.title.trim(),
    lang: input.lang,
    blocks: content?.blocks.map((block) => [block.tag, block.lang, block.text.replace(/\s+/g, ' ').trim()]) ?? [],
    headings: content?.headings.map((heading) => [heading.level, heading.text]) ?? [],
    images: content?.images.map((image) => [image.tag, stablePath(image.src), image.alt, image.role, image.ariaLabel, image.hidden]) ?? [],
    alternates: content?.alternates.map((alternate) => [alternate.hreflang, alternate.href]) ?? [],
    help: content?.contact.helpLinks.map((link) => [link.kind, link.href, link.text, link.region]) ?? [],
    media: content?.media.map((media) => [media.tag, stablePath(media.src), media.autoplay, media.controls, media.tracks.map((track) => [track.kind, track.srclang])]) ?? [],
    fields: forms?.fields.map((field) => [field.tag, field.type, field.name, field.label, field.required, field.autocomplete]) ?? [],
  };
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, HASH_CHARS);
}

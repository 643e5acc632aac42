// Screenshot helpers for reports: safe relative paths, image sizes read from file headers, and crop boxes.
import fs from 'node:fs';
import path from 'node:path';
import type { Box } from '../model/finding.js';

/** A path relative to the report folder: plain segments only, no scheme, no "..", URL-encoded. */
export function safeRelativePath(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const segments = value.split('/');
  const plain = /^[A-Za-z0-9._-]+$/;
  if (segments.some((segment) => !plain.test(segment) || segment === '..' || segment === '.')) return undefined;
  return segments.map(encodeURIComponent).join('/');
}

export interface ImageSize {
  width: number;
  height: number;
}

/** Width and height from a PNG or JPEG header; undefined for anything else or an unreadable file. */
export function readImageSize(file: string): ImageSize | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    // 64 KiB holds a PNG's IHDR and, in practice, a JPEG's first frame header.
    const buffer = Buffer.alloc(64 * 1024);
    const length = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const bytes = buffer.subarray(0, length);
    // PNG: 8-byte signature, then the IHDR chunk with width and height at bytes 16 and 20.
    if (length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    if (bytes[0] === 0xff && bytes[1] === 0xd8) {
      let offset = 2;
      while (offset + 9 < length) {
        if (bytes[offset] !== 0xff) return undefined;
        const marker = bytes[offset + 1];
        const size = bytes.readUInt16BE(offset + 2);
        // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
          return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
        }
        offset += 2 + size;
      }
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Image sizes by relative path, read once per render. */
export function imageSizeReader(outDir: string): (relative: string) => ImageSize | undefined {
  const cache = new Map<string, ImageSize | undefined>();
  return (relative) => {
    if (!cache.has(relative)) cache.set(relative, readImageSize(path.join(outDir, ...relative.split('/').map(decodeURIComponent))));
    return cache.get(relative);
  };
}

/** Space shown around the highlighted element, in CSS pixels of the screenshot. */
const CROP_MARGIN = 48;
/** A crop is at least this wide, so a tiny element keeps its surroundings for context. */
const MIN_CROP_WIDTH = 360;
/** Tall elements are cut to this height; the highlight still starts at the element's top. */
const MAX_CROP_HEIGHT = 480;

export interface Crop {
  /** The SVG viewBox: x y width height in screenshot pixels. */
  viewBox: string;
  image: ImageSize;
  box: Box;
}

/** The part of a screenshot around `box`, clamped to the image; undefined when the box is off the image. */
export function cropAround(box: Box, image: ImageSize): Crop | undefined {
  const valid = [box.x, box.y, box.width, box.height].every(Number.isFinite) && box.width > 0 && box.height > 0;
  if (!valid || box.x >= image.width || box.y >= image.height || box.x + box.width <= 0 || box.y + box.height <= 0) return undefined;
  const width = Math.min(image.width, Math.max(MIN_CROP_WIDTH, box.width + 2 * CROP_MARGIN));
  const height = Math.min(image.height, Math.min(MAX_CROP_HEIGHT, box.height + 2 * CROP_MARGIN));
  const centreX = box.x + box.width / 2;
  const x = Math.max(0, Math.min(image.width - width, centreX - width / 2));
  const y = Math.max(0, Math.min(image.height - height, box.y - CROP_MARGIN));
  const round = (n: number) => Math.round(n);
  return { viewBox: `${round(x)} ${round(y)} ${round(width)} ${round(height)}`, image, box };
}

// Reads a GIF's bytes and says how many frames it has, how long one pass lasts and how often it loops (runs in the page and in unit tests).

/** What the bytes of a GIF say about its animation. */
export interface GifScan {
  /** Frames (image descriptors) seen; 2 or more means it animates. */
  frames: number;
  /**
   * The NETSCAPE2.0 loop count: 0 loops forever, n repeats n more times; null when the
   * extension is absent, so browsers play the animation once.
   */
  loopCount: number | null;
  /** One pass through the frames seen, in milliseconds (browsers show delays under 20 ms as 100 ms). */
  durationMs: number;
  /** True when the trailer was reached: frames and duration are complete, not a lower bound. */
  complete: boolean;
}

/**
 * Scans a GIF block by block. Self-contained (no outside names) because the structure
 * gatherer sends its source into the page as text; returns null for anything not a GIF.
 */
export function scanGif(bytes: Uint8Array): GifScan | null {
  const at = (i: number) => (i < bytes.length ? bytes[i] : -1);
  const word = (i: number) => at(i) + at(i + 1) * 256;
  // "GIF87a" or "GIF89a".
  if (bytes.length < 13 || at(0) !== 0x47 || at(1) !== 0x49 || at(2) !== 0x46) return null;
  let i = 13;
  const screenPacked = at(10);
  // A global colour table of 3 × 2^(n+1) bytes follows the screen descriptor when its flag is set.
  if (screenPacked & 0x80) i += 3 * (1 << ((screenPacked & 0x07) + 1));
  let frames = 0;
  let loopCount: number | null = null;
  let durationMs = 0;
  let pendingDelay = 0;
  /** Skips data sub-blocks (a size byte, then that many bytes) up to the zero terminator; -1 past the end. */
  const skipSubBlocks = (start: number): number => {
    let j = start;
    while (j < bytes.length) {
      const size = at(j);
      if (size === 0) return j + 1;
      j += size + 1;
    }
    return -1;
  };
  while (i < bytes.length) {
    const introducer = at(i);
    if (introducer === 0x3b) return { frames, loopCount, durationMs, complete: true };
    if (introducer === 0x21) {
      const label = at(i + 1);
      if (label === 0xf9 && at(i + 2) === 4) {
        // Graphic control extension: the delay before the next frame, in hundredths of a second.
        const delay = word(i + 4) * 10;
        // Chromium and Firefox show frames with a delay of 10 ms or less for 100 ms.
        pendingDelay = delay <= 10 ? 100 : delay;
      } else if (label === 0xff && at(i + 2) === 11) {
        const id = String.fromCharCode(...Array.from(bytes.subarray(i + 3, i + 14)));
        // NETSCAPE2.0 (and its twin ANIMEXTS1.0): sub-block 1 holds the loop count.
        if ((id === 'NETSCAPE2.0' || id === 'ANIMEXTS1.0') && at(i + 14) >= 3 && at(i + 15) === 1) loopCount = word(i + 16);
      }
      const next = skipSubBlocks(i + 2);
      if (next < 0) break;
      i = next;
      continue;
    }
    if (introducer === 0x2c) {
      frames += 1;
      durationMs += pendingDelay || 100;
      pendingDelay = 0;
      const packed = at(i + 9);
      let j = i + 10;
      if (packed & 0x80) j += 3 * (1 << ((packed & 0x07) + 1));
      // The LZW minimum code size, then the image data sub-blocks.
      const next = skipSubBlocks(j + 1);
      if (next < 0) break;
      i = next;
      continue;
    }
    // Anything else is a broken file: stop with what was read.
    break;
  }
  return { frames, loopCount, durationMs, complete: false };
}

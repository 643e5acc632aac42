// Holds a page still while it is measured: running transitions and finite animations jump to their end, new ones stay at their start.
import type { CDPSession, Page } from 'puppeteer';

/**
 * A page in mid-fade (a carousel cross-fading its slides, a banner sliding in) shows axe
 * and the screenshot colours no visitor reads: text at 30 % opacity fails contrast that it
 * passes once settled. So before the static gatherers run, the document timeline is
 * stopped (CDP Animation.setPlaybackRate 0) and every finite animation or transition that
 * is running is finished. One that a script starts later (the carousel's next slide) stays
 * at its first frame, which is the settled look of the slide before it. Infinite
 * animations are left where they are; the axe gatherer asks a person to review contrast
 * on elements they move (see src/gather/axe-gatherer.ts).
 */
export interface HeldMotion {
  /** How many running animations and transitions were finished. */
  finished: number;
  /** Lets the page move again. Safe to call twice; never throws. */
  release(): Promise<void>;
}

export async function holdMotion(page: Page): Promise<HeldMotion> {
  let session: CDPSession | undefined;
  try {
    session = await page.createCDPSession();
    await session.send('Animation.enable');
    await session.send('Animation.setPlaybackRate', { playbackRate: 0 });
  } catch {
    // A tab that cannot take the command is measured as it is.
  }
  const finished = await page
    .evaluate(() => {
      let count = 0;
      for (const animation of document.getAnimations()) {
        const timing = animation.effect?.getComputedTiming();
        if (!timing || timing.endTime === Infinity || animation.playState === 'finished') continue;
        try {
          animation.finish();
          count++;
        } catch {
          // An animation that cannot finish (a zero playback rate set by the page) stays as it is.
        }
      }
      return count;
    })
    .catch(() => 0);
  let released = false;
  return {
    finished,
    async release() {
      if (released || !session) return;
      released = true;
      await session.send('Animation.setPlaybackRate', { playbackRate: 1 }).catch(() => undefined);
      await session.detach().catch(() => undefined);
    },
  };
}

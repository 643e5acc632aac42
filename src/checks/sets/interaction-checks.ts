// welcomemat's checks that use the page like people do (issue 4): keyboard walk, zoom and reflow, motion; one file per check, listed here.
import type { Check } from '../check.js';
import carouselAutoAdvance from '../carousel-auto-advance.js';
import focusNotVisible from '../focus-not-visible.js';
import focusObscured from '../focus-obscured.js';
import focusOrder from '../focus-order.js';
import keyboardTrap from '../keyboard-trap.js';
import mediaStartsWithSound from '../media-starts-with-sound.js';
import motionIgnoresReducedMotion from '../motion-ignores-reduced-motion.js';
import notKeyboardFocusable from '../not-keyboard-focusable.js';
import positiveTabindex from '../positive-tabindex.js';
import reflowContentClipped from '../reflow-content-clipped.js';
import reflowHorizontalScroll from '../reflow-horizontal-scroll.js';
import skipLink from '../skip-link.js';
import textResizeClipped from '../text-resize-clipped.js';
import textSpacingClipped from '../text-spacing-clipped.js';

export const interactionChecks: Check[] = [
  keyboardTrap,
  focusNotVisible,
  focusObscured,
  notKeyboardFocusable,
  positiveTabindex,
  focusOrder,
  skipLink,
  reflowHorizontalScroll,
  reflowContentClipped,
  textResizeClipped,
  textSpacingClipped,
  motionIgnoresReducedMotion,
  carouselAutoAdvance,
  mediaStartsWithSound,
];

// welcomemat's checks that use the page like people do (issues 4 and 12): keyboard walk and widget walk, zoom and reflow, motion; one file per check, listed here.
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
import dialogFocusNotMoved from '../dialog-focus-not-moved.js';
import dialogFocusEscapes from '../dialog-focus-escapes.js';
import dialogEscapeDoesNotClose from '../dialog-escape-does-not-close.js';
import dialogFocusNotReturned from '../dialog-focus-not-returned.js';
import disclosureStateNotUpdated from '../disclosure-state-not-updated.js';
import disclosureNotOperable from '../disclosure-not-operable.js';
import menuItemsUnreachable from '../menu-items-unreachable.js';
import tabsKeyboardUnreachable from '../tabs-keyboard-unreachable.js';
import buttonRoleIgnoresSpace from '../button-role-ignores-space.js';
import tooltipHoverOnly from '../tooltip-hover-only.js';
import accesskeyConflict from '../accesskey-conflict.js';
import alertShortLived from '../alert-short-lived.js';

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
  dialogFocusNotMoved,
  dialogFocusEscapes,
  dialogEscapeDoesNotClose,
  dialogFocusNotReturned,
  disclosureStateNotUpdated,
  disclosureNotOperable,
  menuItemsUnreachable,
  tabsKeyboardUnreachable,
  buttonRoleIgnoresSpace,
  tooltipHoverOnly,
  accesskeyConflict,
  alertShortLived,
];

// welcomemat's checks of links, tables, typography, images and markup that assistive technology relies on (issue 12); one file per check, listed here.
import type { Check } from '../check.js';
import animatedImageNoPause from '../animated-image-no-pause.js';
import cssGeneratedContent from '../css-generated-content.js';
import fieldsetLegend from '../fieldset-legend.js';
import headingByFormatting from '../heading-by-formatting.js';
import hiddenTextMeantForScreenReaders from '../hidden-text-meant-for-screen-readers.js';
import imageAltTitleDiffer from '../image-alt-title-differ.js';
import imageButtonAltGeneric from '../image-button-alt-generic.js';
import imageEmptyAltWithTitle from '../image-empty-alt-with-title.js';
import imageOfText from '../image-of-text.js';
import lineTooLong from '../line-too-long.js';
import linkAdjacentSameDestination from '../link-adjacent-same-destination.js';
import linkColourOnly from '../link-colour-only.js';
import linkFileTypeMissing from '../link-file-type-missing.js';
import linkMediaNoTranscript from '../link-media-no-transcript.js';
import linkNewWindowUnannounced from '../link-new-window-unannounced.js';
import linkTextGeneric from '../link-text-generic.js';
import linkTitleRepeatsText from '../link-title-repeats-text.js';
import listAsText from '../list-as-text.js';
import markupDuplicateAttribute from '../markup-duplicate-attribute.js';
import markupStrayEndTag from '../markup-stray-end-tag.js';
import markupUnclosedElement from '../markup-unclosed-element.js';
import obsoletePresentationalElement from '../obsolete-presentational-element.js';
import tableComplexCaption from '../table-complex-caption.js';
import tableComplexNoScope from '../table-complex-no-scope.js';
import tableIrregularRows from '../table-irregular-rows.js';
import tableLayoutDataMarkup from '../table-layout-data-markup.js';
import tableNested from '../table-nested.js';
import textDirectionMismatch from '../text-direction-mismatch.js';
import textJustified from '../text-justified.js';
import textTooSmall from '../text-too-small.js';

export const structureChecks: Check[] = [
  // Links
  linkTextGeneric,
  linkTitleRepeatsText,
  linkNewWindowUnannounced,
  linkFileTypeMissing,
  linkMediaNoTranscript,
  linkColourOnly,
  linkAdjacentSameDestination,
  // Tables
  tableComplexNoScope,
  tableComplexCaption,
  tableIrregularRows,
  tableNested,
  tableLayoutDataMarkup,
  // Typography and layout
  textTooSmall,
  textJustified,
  lineTooLong,
  headingByFormatting,
  listAsText,
  // Images
  imageAltTitleDiffer,
  imageEmptyAltWithTitle,
  imageButtonAltGeneric,
  imageOfText,
  animatedImageNoPause,
  // Markup
  markupUnclosedElement,
  markupStrayEndTag,
  markupDuplicateAttribute,
  cssGeneratedContent,
  hiddenTextMeantForScreenReaders,
  fieldsetLegend,
  obsoletePresentationalElement,
  // Language
  textDirectionMismatch,
];

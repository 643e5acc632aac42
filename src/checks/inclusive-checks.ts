// welcomemat's own checks for sites that treat every visitor the same (issue 3); one file per check, listed here.
import type { Check } from './check.js';
import abbreviationUnexpanded from './abbreviation-unexpanded.js';
import accessibilityStatement from './accessibility-statement.js';
import altTextDuplicate from './alt-text-duplicate.js';
import altTextFileName from './alt-text-file-name.js';
import altTextGeneric from './alt-text-generic.js';
import altTextRedundantPrefix from './alt-text-redundant-prefix.js';
import altTextRepeatsContext from './alt-text-repeats-context.js';
import altTextTooLong from './alt-text-too-long.js';
import audioTranscript from './audio-transcript.js';
import autocompleteMissing from './autocomplete-missing.js';
import consistentHelp from './consistent-help.js';
import contactMethods from './contact-methods.js';
import dateOfBirthRequired from './date-of-birth-required.js';
import genderOptions from './gender-options.js';
import graphicTextAlternative from './graphic-text-alternative.js';
import hreflangAlternates from './hreflang-alternates.js';
import hreflangXDefault from './hreflang-x-default.js';
import imageCaptcha from './image-captcha.js';
import inclusiveWording from './inclusive-wording.js';
import informativeImageEmptyAlt from './informative-image-empty-alt.js';
import langTagValid from './lang-tag-valid.js';
import languageSwitcher from './language-switcher.js';
import linkedImageAltPurpose from './linked-image-alt-purpose.js';
import longSentences from './long-sentences.js';
import mediaAutoplaySound from './media-autoplay-sound.js';
import nameFieldRejectsNames from './name-field-rejects-names.js';
import pageLanguageMatchesContent from './page-language-matches-content.js';
import passageLanguageMissing from './passage-language-missing.js';
import phoneFormatForced from './phone-format-forced.js';
import readingLevel from './reading-level.js';
import requiredMarkedVisuallyOnly from './required-marked-visually-only.js';
import requiredTitle from './required-title.js';
import singleLanguageSite from './single-language-site.js';
import videoCaptions from './video-captions.js';

export const inclusiveChecks: Check[] = [
  abbreviationUnexpanded,
  accessibilityStatement,
  altTextDuplicate,
  altTextFileName,
  altTextGeneric,
  altTextRedundantPrefix,
  altTextRepeatsContext,
  altTextTooLong,
  audioTranscript,
  autocompleteMissing,
  consistentHelp,
  contactMethods,
  dateOfBirthRequired,
  genderOptions,
  graphicTextAlternative,
  hreflangAlternates,
  hreflangXDefault,
  imageCaptcha,
  inclusiveWording,
  informativeImageEmptyAlt,
  langTagValid,
  languageSwitcher,
  linkedImageAltPurpose,
  longSentences,
  mediaAutoplaySound,
  nameFieldRejectsNames,
  pageLanguageMatchesContent,
  passageLanguageMissing,
  phoneFormatForced,
  readingLevel,
  requiredMarkedVisuallyOnly,
  requiredTitle,
  singleLanguageSite,
  videoCaptions,
];

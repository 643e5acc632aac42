// welcomemat's checks of what a page shows on arrival (issue 16): consent banners and sign-up pop-ups, each judged once per site; one file per check, listed here.
import type { Check } from '../check.js';
import arrivalFocus from '../arrival-focus.js';
import arrivalHidesPage from '../arrival-hides-page.js';
import arrivalKeyboard from '../arrival-keyboard.js';
import arrivalLanguage from '../arrival-language.js';
import arrivalName from '../arrival-name.js';
import arrivalPopup from '../arrival-popup.js';
import consentRefuseEqual from '../consent-refuse-equal.js';

export const arrivalChecks: Check[] = [arrivalKeyboard, arrivalFocus, arrivalName, arrivalLanguage, arrivalHidesPage, consentRefuseEqual, arrivalPopup];

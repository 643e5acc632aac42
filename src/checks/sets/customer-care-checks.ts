// welcomemat's checks of sites as they are in the wild (issue 16): links that lead nowhere, and the ways a site keeps customers at arm's length; one file per check, listed here.
import type { Check } from '../check.js';
import consentPrechecked from '../consent-prechecked.js';
import contactFormDemanding from '../contact-form-demanding.js';
import contactPageReply from '../contact-page-reply.js';
import linksLeadNowhere from '../links-lead-nowhere.js';

export const customerCareChecks: Check[] = [linksLeadNowhere, consentPrechecked, contactFormDemanding, contactPageReply];

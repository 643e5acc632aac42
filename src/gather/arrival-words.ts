// The wording of consent banners and newsletter pop-ups in seven languages: what the layer is about, what each of its buttons does, which language it is written in.

/** Languages whose consent and newsletter wording is known (the EU's most used on small-business sites). */
export const ARRIVAL_LANGUAGES = ['en', 'es', 'de', 'fr', 'it', 'nl', 'pt'] as const;
export type ArrivalLanguage = (typeof ARRIVAL_LANGUAGES)[number];

export type ControlPurpose = 'accept' | 'refuse' | 'settings' | 'close' | 'subscribe' | 'other';

/** Words that say a layer asks for consent (cookies, tracking, privacy), by language. */
const CONSENT_WORDS: Record<ArrivalLanguage, string[]> = {
  en: ['cookie', 'consent', 'tracking', 'privacy policy', 'we use', 'personal data', 'your privacy'],
  es: ['cookie', 'consentimiento', 'privacidad', 'utilizamos', 'usamos', 'datos personales', 'aceptar'],
  de: ['cookie', 'einwilligung', 'datenschutz', 'wir verwenden', 'zustimmung', 'personenbezogen'],
  fr: ['cookie', 'consentement', 'confidentialité', 'nous utilisons', 'traceurs', 'données personnelles'],
  it: ['cookie', 'consenso', 'utilizziamo', 'dati personali', 'informativa'],
  nl: ['cookie', 'toestemming', 'wij gebruiken', 'we gebruiken', 'persoonsgegevens'],
  pt: ['cookie', 'consentimento', 'privacidade', 'utilizamos', 'dados pessoais'],
};

/** Words that say a layer asks the visitor to sign up (newsletter, offer), by language. */
const NEWSLETTER_WORDS: Record<ArrivalLanguage, string[]> = {
  en: ['newsletter', 'subscribe', 'sign up', 'discount', '% off', 'offer', 'join our', 'inbox'],
  es: ['boletín', 'newsletter', 'suscríbete', 'suscribirse', 'descuento', 'oferta', 'apúntate'],
  de: ['newsletter', 'abonnieren', 'anmelden', 'rabatt', 'angebot', 'gutschein'],
  fr: ['newsletter', "s'abonner", 'abonnez', 'inscrivez', 'réduction', 'offre', 'lettre d'],
  it: ['newsletter', 'iscriviti', 'sconto', 'offerta', 'abbonati'],
  nl: ['nieuwsbrief', 'newsletter', 'aanmelden', 'inschrijven', 'korting', 'aanbieding'],
  pt: ['newsletter', 'inscreva', 'subscrever', 'desconto', 'oferta', 'boletim'],
};

/** What a button in the layer does, by its text; the first purpose that matches wins (refusing before accepting: "Accept only necessary" refuses). */
const PURPOSE_PATTERNS: [ControlPurpose, RegExp][] = [
  [
    'refuse',
    /\b(reject|decline|refuse|deny|disagree|do not accept|don't accept|(necessary|essential|required)( cookies)? only|only (the )?(strictly )?(necessary|essential|required)|use (strictly )?necessary|strictly necessary|continue without|rechaz|denegar|no acepto|solo (las )?(necesarias|esenciales)|s[oó]lo (las )?necesarias|ablehnen|nur (notwendige|essenzielle|erforderliche)|verweigern|refuser|tout refuser|continuer sans|uniquement (les )?(n[eé]cessaires|essentiels)|rifiut|solo (i )?(necessari|essenziali)|continua senza|weiger|alleen (noodzakelijke|functionele|essenti[eë]le)|rejeitar|recusar|apenas (os )?(necess[aá]rios|essenciais))/i,
  ],
  [
    'close',
    /^\s*[×✕✖xX]\s*$|^(close|dismiss|no,? thanks|not now|maybe later|cerrar|no, gracias|ahora no|schlie(ß|ss)en|nein,? danke|fermer|non merci|plus tard|chiudi|no,? grazie|sluiten|nee,? bedankt|fechar|não,? obrigad[oa])\b/i,
  ],
  [
    'settings',
    /\b(settings|preferences|customi[sz]e|manage|options|more choices|configur|preferencias|personaliz|ajustes|einstellungen|anpassen|auswahl|optionen|param[eè]tres|personnaliser|g[eé]rer|pr[eé]f[eé]rences|impostazioni|preferenze|gestisci|instellingen|voorkeuren|aanpassen|defini[cç][oõ]es|prefer[eê]ncias|gerir)\b/i,
  ],
  [
    'accept',
    /\b(accept|agree|allow|ok\b|okay|got it|i understand|aceptar|acepto|permitir|de acuerdo|entendido|akzeptieren|zustimmen|einverstanden|alle erlauben|verstanden|accepter|j'accepte|autoriser|d'accord|accett|acconsento|ho capito|accepteren|akkoord|toestaan|alles toestaan|aceitar|concordo|permitir|aceito)/i,
  ],
  ['subscribe', /\b(subscribe|sign up|join|suscrib|apúntate|abonnieren|anmelden|s'abonner|inscri|iscriviti|aanmelden|inschrijven|inscreva|subscrever)/i],
];

/** What a control in an arrival layer is for, from its accessible text. */
export function controlPurpose(text: string): ControlPurpose {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return 'other';
  for (const [purpose, pattern] of PURPOSE_PATTERNS) if (pattern.test(clean)) return purpose;
  return 'other';
}

function hits(text: string, words: string[]): number {
  return words.filter((word) => text.includes(word)).length;
}

/** Consent and newsletter word counts of a layer's text (any language): what the layer is about. */
export function layerWording(text: string): { consent: number; newsletter: number } {
  const lower = text.toLowerCase();
  let consent = 0;
  let newsletter = 0;
  for (const lang of ARRIVAL_LANGUAGES) {
    consent = Math.max(consent, hits(lower, CONSENT_WORDS[lang]));
    newsletter = Math.max(newsletter, hits(lower, NEWSLETTER_WORDS[lang]));
  }
  return { consent, newsletter };
}

/** Function words that tell the seven languages apart in a short banner text. */
const FUNCTION_WORDS: Record<ArrivalLanguage, string[]> = {
  en: ['the', 'and', 'we', 'you', 'your', 'our', 'to', 'of', 'for', 'with', 'this', 'use'],
  es: ['el', 'la', 'los', 'las', 'y', 'de', 'que', 'para', 'con', 'su', 'nuestro', 'usamos', 'utilizamos', 'este'],
  de: ['der', 'die', 'das', 'und', 'wir', 'sie', 'ihre', 'mit', 'für', 'zu', 'auf', 'verwenden', 'diese'],
  fr: ['le', 'la', 'les', 'et', 'nous', 'vous', 'vos', 'des', 'pour', 'avec', 'ce', 'utilisons', 'votre'],
  it: ['il', 'lo', 'la', 'gli', 'e', 'di', 'che', 'per', 'con', 'noi', 'questo', 'utilizziamo', 'tuoi'],
  nl: ['de', 'het', 'een', 'en', 'wij', 'we', 'u', 'uw', 'voor', 'met', 'van', 'gebruiken', 'deze'],
  pt: ['o', 'a', 'os', 'as', 'e', 'de', 'que', 'para', 'com', 'nós', 'você', 'seu', 'utilizamos', 'este'],
};

/** Fewer words than this cannot be told apart reliably: "OK" or "Cookies" alone say nothing of the language. */
const MIN_WORDS_FOR_LANGUAGE = 8;
/** The winner must lead the runner-up by this many function words, else the language is left unknown. */
const LANGUAGE_LEAD = 2;

/**
 * The language a layer's text is written in, among the seven, or '' when the text is too short
 * or too mixed to tell. Function words, not a general detector: banner texts are short and full
 * of loanwords ("cookies", "newsletter") that mislead trigram detectors.
 */
export function wordingLanguage(text: string): ArrivalLanguage | '' {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length < MIN_WORDS_FOR_LANGUAGE) return '';
  const scores = ARRIVAL_LANGUAGES.map((lang) => {
    const list = new Set(FUNCTION_WORDS[lang]);
    let score = words.filter((word) => list.has(word)).length;
    // Consent and newsletter phrases count too: they are the banner's own vocabulary.
    score += hits(text.toLowerCase(), CONSENT_WORDS[lang].filter((w) => w !== 'cookie' && w !== 'newsletter'));
    return { lang, score };
  }).sort((a, b) => b.score - a.score);
  if (scores[0].score - scores[1].score < LANGUAGE_LEAD) return '';
  return scores[0].lang;
}

/** A regular expression (source) matching consent wording in any of the seven languages, for the in-page probe. */
export const CONSENT_PATTERN =
  'cookie|consent|einwilligung|zustimmung|datenschutz|consentement|consenso|toestemming|consentimento|tracking|traceurs|gdpr|rgpd|dsgvo|privacy|privacidad|privacidade|confidentialit';

/** A regular expression (source) matching newsletter or offer wording in any of the seven languages, for the in-page probe. */
export const NEWSLETTER_PATTERN =
  'newsletter|nieuwsbrief|bolet[ií]n|boletim|subscribe|suscr[ií]b|abonnier|abonne|iscriviti|inschrijven|inscreva|subscrever|sign up|discount|descuento|rabatt|r[ée]duction|sconto|korting|desconto|% off';

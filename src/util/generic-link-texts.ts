// Link texts that say nothing about where a link goes ("click here", "leer más"), normalised; shared by the structure gatherer and the link checks.

/**
 * Link texts that say nothing about where the link goes, normalised (lower case, no
 * accents, no punctuation; see normalise()). English and Spanish, plus the commonest
 * French and German ones. A link whose whole text is one of these is flagged. "Next" and
 * "Previous" are left out: in a pagination bar their context is plain.
 */
export const GENERIC_LINK_TEXTS: ReadonlySet<string> = new Set([
  // English
  'click here', 'click', 'here', 'click this link', 'tap here', 'press here', 'go here', 'this', 'this link', 'link', 'this page', 'page', 'website', 'site',
  'more', 'read more', 'learn more', 'find out more', 'see more', 'view more', 'show more', 'more info', 'more information', 'info', 'information',
  'details', 'more details', 'view details', 'continue', 'continue reading', 'go', 'view', 'see', 'open', 'download',
  // Spanish
  'haga clic aqui', 'haz clic aqui', 'clic aqui', 'click aqui', 'pulse aqui', 'pulsa aqui', 'pinche aqui', 'pincha aqui', 'aqui', 'este enlace', 'enlace',
  'esta pagina', 'pagina', 'sitio', 'mas', 'leer mas', 'ver mas', 'saber mas', 'mas informacion', 'mas info', 'informacion', 'detalles', 'ver detalles',
  'continuar', 'seguir leyendo', 'ir', 'ver', 'abrir', 'descargar',
  // French and German
  'cliquez ici', 'ici', 'plus', 'lire la suite', 'en savoir plus', 'hier klicken', 'hier', 'mehr', 'weiterlesen', 'mehr erfahren',
]);

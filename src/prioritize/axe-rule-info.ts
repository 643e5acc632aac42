// Plain-language texts, audiences, WCAG criteria and families for axe-core rules.
import type { Audience, CheckFamily, WcagLevel } from '../model/finding.js';
import type { RuleInfo } from './prioritize.js';
import { criterion } from '../util/wcag.js';

type RuleText = Omit<RuleInfo, 'helpUrl'>;

/** Hand-written texts for the axe rules a business owner meets most; others fall back to axe's own. */
const RULE_TEXTS: Record<string, RuleText> = {
  'color-contrast': {
    title: 'Text is too faint against its background',
    whyItMatters:
      'People with low vision, colour blindness or an ageing eye, and anyone reading a phone in sunlight, cannot read pale text on a pale background.',
    howToFix:
      'Darken the text or lighten the background until the contrast ratio is at least 4.5:1 (3:1 for large text of 24px, or 19px bold). Change the colour in the stylesheet so every page picks it up.',
    example: '<!-- before: color: #999 on #fff (2.8:1) -->\n<p style="color: #595959; background: #fff">Open daily 8–6</p>',
  },
  'color-contrast-enhanced': {
    title: 'Text contrast is below the enhanced level',
    whyItMatters: 'People with moderately low vision need stronger contrast than the minimum to read comfortably.',
    howToFix: 'Aim for a contrast ratio of 7:1 for body text (4.5:1 for large text) where your brand colours allow it.',
    example: '<p style="color: #333; background: #fff">Open daily 8–6</p>',
  },
  'image-alt': {
    title: 'Images have no text description',
    whyItMatters:
      'Blind people using a screen reader hear nothing, or the file name, instead of what the picture shows. Search engines miss it too.',
    howToFix:
      'Give every informative image an alt text saying what it shows or does. Give purely decorative images an empty alt="" so screen readers skip them.',
    example: '<img src="cake.jpg" alt="Three-tier lemon wedding cake with fresh flowers">\n<img src="divider.png" alt="">',
  },
  'input-image-alt': {
    title: 'Image buttons have no text',
    whyItMatters: 'Blind people hear "button" with no clue whether it searches, submits or pays.',
    howToFix: 'Add an alt text to the image button that says what the button does.',
    example: '<input type="image" src="search.svg" alt="Search">',
  },
  'svg-img-alt': {
    title: 'Icons and graphics drawn in SVG have no text description',
    whyItMatters: 'Blind people using a screen reader cannot tell what an SVG picture shows.',
    howToFix: 'Give an SVG with role="img" a <title> as its first child, or an aria-label.',
    example: '<svg role="img" aria-labelledby="t1"><title id="t1">Five-star rating</title>…</svg>',
  },
  'role-img-alt': {
    title: 'Elements shown as images have no text description',
    whyItMatters: 'Blind people using a screen reader hear that there is an image but not what it shows.',
    howToFix: 'Give every element with role="img" an aria-label or aria-labelledby describing it.',
    example: '<div role="img" aria-label="Map of our shop at 12 High Street"></div>',
  },
  'area-alt': {
    title: 'Clickable areas of an image map have no text',
    whyItMatters: 'Blind people cannot tell where the clickable regions of the image lead.',
    howToFix: 'Give every <area> in an image map an alt text naming where it goes.',
    example: '<area shape="rect" coords="0,0,80,40" href="/north" alt="North branch">',
  },
  'object-alt': {
    title: 'Embedded objects have no text description',
    whyItMatters: 'Blind people using a screen reader cannot tell what the embedded object is.',
    howToFix: 'Give the <object> an aria-label or title, or a text alternative inside it.',
    example: '<object data="menu.pdf" type="application/pdf" aria-label="Lunch menu (PDF)"></object>',
  },
  'image-redundant-alt': {
    title: 'Image descriptions repeat the text next to them',
    whyItMatters: 'Screen-reader users hear the same words twice, which slows them down on every visit.',
    howToFix: 'When a link or caption already says it, give the image alt="" or describe something the text does not.',
    example: '<a href="/cakes"><img src="cakes.jpg" alt=""> Cakes</a>',
  },
  label: {
    title: 'Form fields have no label',
    whyItMatters:
      'Blind people hear "edit text" with no clue what to type; people with memory or attention difficulties lose track once a placeholder disappears.',
    howToFix: 'Give every field a visible <label> linked to it with for/id. Placeholder text is not a label.',
    example: '<label for="email">Email address</label>\n<input id="email" type="email" autocomplete="email">',
  },
  'select-name': {
    title: 'Drop-down lists have no label',
    whyItMatters: 'Blind people hear "combo box" without knowing what they are choosing.',
    howToFix: 'Give every <select> a visible <label> linked with for/id.',
    example: '<label for="size">Cake size</label>\n<select id="size">…</select>',
  },
  'label-title-only': {
    title: 'Form fields are labelled only by a tooltip',
    whyItMatters:
      'A title tooltip only appears on mouse hover, so keyboard, touch-screen and many screen-reader users never see what the field is for.',
    howToFix: 'Add a visible <label>; keep the title only as extra help.',
    example: '<label for="phone">Phone</label> <input id="phone" type="tel">',
  },
  'form-field-multiple-labels': {
    title: 'Form fields have more than one label',
    whyItMatters: 'Screen readers read only one of the labels, or read them in a confusing order.',
    howToFix: 'Keep one <label> per field; put extra help in text linked with aria-describedby.',
    example: '<label for="pc">Postcode</label> <input id="pc" aria-describedby="pc-hint"> <span id="pc-hint">For example SW1A 1AA</span>',
  },
  'autocomplete-valid': {
    title: 'Form fields ask the browser to fill in the wrong thing',
    whyItMatters:
      'People with motor or memory difficulties rely on the browser filling in their name, address and card; a wrong autocomplete value breaks that.',
    howToFix: 'Use the standard autocomplete values (name, email, tel, street-address, postal-code, cc-number and so on), or remove the attribute.',
    example: '<input id="email" type="email" autocomplete="email">',
  },
  'link-name': {
    title: 'Links have no text',
    whyItMatters:
      'Blind people hear "link" with no destination; voice-control users cannot say its name to click it. Often an icon link, such as a social media logo.',
    howToFix: 'Give every link text, or for an icon link an aria-label (or alt text on the image inside it).',
    example: '<a href="https://instagram.com/ourshop" aria-label="Our Instagram"><svg aria-hidden="true">…</svg></a>',
  },
  'button-name': {
    title: 'Buttons have no text',
    whyItMatters: 'Blind people hear "button" with no clue what it does; voice-control users cannot name it to press it.',
    howToFix: 'Put text in the button, or give an icon-only button an aria-label.',
    example: '<button type="button" aria-label="Open menu"><svg aria-hidden="true">…</svg></button>',
  },
  'input-button-name': {
    title: 'Input buttons have no text',
    whyItMatters: 'Blind people hear "button" with no clue what it does.',
    howToFix: 'Give <input type="submit|button|reset"> a value attribute that says what it does.',
    example: '<input type="submit" value="Send enquiry">',
  },
  'html-has-lang': {
    title: 'Pages do not say which language they are in',
    whyItMatters:
      'Screen readers read the page in the wrong accent or voice, and translation tools and browsers cannot offer to translate it for visitors who speak another language.',
    howToFix: 'Add a lang attribute to the <html> tag in your site template.',
    example: '<html lang="en">',
  },
  'html-lang-valid': {
    title: "The page's language code is not a real language code",
    whyItMatters: 'Screen readers and translation tools ignore an unknown code, so the page is read in the wrong voice.',
    howToFix: 'Use a standard language code such as en, en-GB, es or fr on the <html> tag.',
    example: '<html lang="en-GB">',
  },
  'html-xml-lang-mismatch': {
    title: 'The page declares two different languages',
    whyItMatters: 'Screen readers and translation tools may pick the wrong one.',
    howToFix: 'Make lang and xml:lang on <html> the same, or drop xml:lang.',
    example: '<html lang="fr" xml:lang="fr">',
  },
  'valid-lang': {
    title: 'Parts of the page use an invalid language code',
    whyItMatters: 'Screen readers read a passage in another language with the wrong pronunciation when its code is not recognised.',
    howToFix: 'Use a standard language code on elements in another language.',
    example: '<p lang="es">Bienvenidos a nuestra panadería</p>',
  },
  'document-title': {
    title: 'Pages have no title',
    whyItMatters:
      'The title is the first thing a screen reader announces and the name shown on browser tabs, bookmarks and search results; without it everyone loses their place.',
    howToFix: 'Give every page a unique <title> naming the page and then the business.',
    example: '<title>Wedding cakes – Crumb &amp; Kettle</title>',
  },
  region: {
    title: 'Some content sits outside the page regions',
    whyItMatters: 'Screen-reader users jump between regions (header, navigation, main, footer); content outside them is easy to miss.',
    howToFix: 'Wrap all content in <header>, <nav>, <main> and <footer> in the site template.',
    example: '<header>…</header>\n<nav>…</nav>\n<main>…</main>\n<footer>…</footer>',
  },
  'landmark-one-main': {
    title: 'Pages have no main content region',
    whyItMatters: 'Screen-reader and keyboard users cannot jump straight past the menu to the main content.',
    howToFix: 'Wrap the main content of every page in one <main> element, in the site template.',
    example: '<main id="content">…</main>',
  },
  'landmark-unique': {
    title: 'Page regions of the same kind have the same name',
    whyItMatters: 'Screen-reader users see two "navigation" regions and cannot tell which is which.',
    howToFix: 'Give repeated regions distinct names with aria-label.',
    example: '<nav aria-label="Main">…</nav>\n<nav aria-label="Footer">…</nav>',
  },
  'landmark-no-duplicate-main': {
    title: 'Pages have more than one main region',
    whyItMatters: 'Screen-reader users jumping to "main content" may land in the wrong place.',
    howToFix: 'Keep exactly one <main> per page.',
    example: '<main>…</main>',
  },
  'landmark-no-duplicate-banner': {
    title: 'Pages have more than one page header',
    whyItMatters: 'Screen-reader users find two top-level headers and cannot tell which is the site header.',
    howToFix: 'Keep one top-level <header>; headers inside <article> or <section> are fine.',
    example: '<header>Logo and menu</header>',
  },
  'landmark-no-duplicate-contentinfo': {
    title: 'Pages have more than one page footer',
    whyItMatters: 'Screen-reader users find two site footers and cannot tell which holds the contact details.',
    howToFix: 'Keep one top-level <footer>.',
    example: '<footer>Contact, opening hours</footer>',
  },
  'heading-order': {
    title: 'Headings skip levels',
    whyItMatters:
      'Screen-reader users move through a page by its headings like a table of contents; a jump from h1 to h4 makes them think they missed something.',
    howToFix: 'Use heading levels in order (h1, then h2, then h3). Change the look with CSS, not by picking a different level.',
    example: '<h1>Our cakes</h1>\n<h2>Wedding cakes</h2>\n<h3>Prices</h3>',
  },
  'page-has-heading-one': {
    title: 'Pages have no main heading',
    whyItMatters: 'Screen-reader users jump to the first-level heading to find what the page is about.',
    howToFix: 'Give every page one <h1> that says what the page is about.',
    example: '<h1>Wedding cakes</h1>',
  },
  'empty-heading': {
    title: 'Headings are empty',
    whyItMatters: 'Screen-reader users navigating by headings land on a blank one and lose their way.',
    howToFix: 'Put text in every heading, or remove the empty heading tag.',
    example: '<h2>Opening hours</h2>',
  },
  'p-as-heading': {
    title: 'Bold paragraphs are used as headings',
    whyItMatters: 'Screen-reader users navigating by headings skip these sections entirely.',
    howToFix: 'Use real heading tags (h2, h3) for section titles.',
    example: '<h2>Delivery</h2>',
  },
  list: {
    title: 'Lists contain things that are not list items',
    whyItMatters: 'Screen readers announce the wrong number of items or lose the list structure.',
    howToFix: 'Only put <li> elements (or <script>/<template>) directly inside <ul> and <ol>.',
    example: '<ul>\n  <li>Bread</li>\n  <li>Cakes</li>\n</ul>',
  },
  listitem: {
    title: 'List items are outside a list',
    whyItMatters: 'Screen readers do not announce them as a list, so users miss how many items there are.',
    howToFix: 'Put every <li> inside a <ul> or <ol>.',
    example: '<ul><li>Bread</li></ul>',
  },
  'definition-list': {
    title: 'Definition lists are built wrongly',
    whyItMatters: 'Screen readers cannot pair each term with its description.',
    howToFix: 'Only put <dt> and <dd> groups (optionally wrapped in <div>) inside <dl>.',
    example: '<dl><dt>Gluten-free</dt><dd>Made without wheat</dd></dl>',
  },
  dlitem: {
    title: 'Definition terms are outside a definition list',
    whyItMatters: 'Screen readers cannot tell they belong together.',
    howToFix: 'Put every <dt> and <dd> inside a <dl>.',
    example: '<dl><dt>Vegan</dt><dd>No animal products</dd></dl>',
  },
  'duplicate-id-aria': {
    title: 'Labels point to an id used more than once',
    whyItMatters: 'Screen readers read the wrong label or description for a field or control.',
    howToFix: 'Make every id unique on the page, especially ids used by for, aria-labelledby and aria-describedby.',
    example: '<label for="email-footer">Email</label> <input id="email-footer">',
  },
  'aria-required-attr': {
    title: 'Interactive widgets are missing required state',
    whyItMatters: 'Screen readers cannot say whether a checkbox is ticked, a menu is open or a slider is at which value.',
    howToFix: 'Add the attributes the role requires, such as aria-checked on role="checkbox". Better still, use the native HTML element.',
    example: '<div role="checkbox" aria-checked="false" tabindex="0">Gift wrap</div>\n<!-- better: <input type="checkbox"> -->',
  },
  'aria-valid-attr-value': {
    title: 'Accessibility attributes have invalid values',
    whyItMatters: 'Screen readers ignore or misreport the control, so blind users get wrong information.',
    howToFix: 'Fix the value: true/false attributes take "true" or "false", and id references must point to an element that exists.',
    example: '<button aria-expanded="false" aria-controls="menu">Menu</button>\n<ul id="menu">…</ul>',
  },
  'aria-valid-attr': {
    title: 'Accessibility attributes are misspelled',
    whyItMatters: 'A misspelled aria- attribute does nothing, so the information never reaches screen-reader users.',
    howToFix: 'Correct the attribute name (for example aria-labelledby, not aria-labeledby).',
    example: '<nav aria-labelledby="nav-title">…</nav>',
  },
  'aria-allowed-attr': {
    title: 'Accessibility attributes are used where they do not belong',
    whyItMatters: 'Screen readers ignore or misreport them, so blind users may get wrong state information.',
    howToFix: 'Remove the attribute, or use a role that supports it.',
    example: '<button aria-pressed="false">Favourite</button>',
  },
  'aria-prohibited-attr': {
    title: 'Labels are placed on elements that cannot have them',
    whyItMatters: 'Screen readers skip aria-label on plain elements like <div> and <span>, so the text never reaches blind users.',
    howToFix: 'Put the text in the content, or give the element a suitable role.',
    example: '<span>Rated 5 out of 5</span>',
  },
  'aria-hidden-focus': {
    title: 'Hidden content can still receive keyboard focus',
    whyItMatters: 'Keyboard and screen-reader users tab onto something that is silent or invisible and get lost.',
    howToFix: 'Make controls inside aria-hidden="true" content unfocusable (tabindex="-1" or the inert attribute), or stop hiding them.',
    example: '<div aria-hidden="true" inert>…</div>',
  },
  'aria-hidden-body': {
    title: 'The whole page is hidden from screen readers',
    whyItMatters: 'Blind people using a screen reader cannot read anything on the page.',
    howToFix: 'Remove aria-hidden="true" from the <body> element (often left by a pop-up script).',
    example: '<body>',
  },
  'aria-roles': {
    title: 'Elements use roles that do not exist',
    whyItMatters: 'Screen readers cannot tell what the element is, so blind users do not know how to use it.',
    howToFix: 'Use a valid ARIA role, or better, the native HTML element.',
    example: '<nav>…</nav> <!-- instead of <div role="navigation-bar"> -->',
  },
  'aria-required-children': {
    title: 'Widgets are missing the parts they need',
    whyItMatters: 'Screen readers cannot read a menu, list or tab set whose items lack the right roles.',
    howToFix: 'Give the children the roles the parent needs (role="menu" needs role="menuitem" children), or drop the roles.',
    example: '<ul role="menu"><li role="menuitem">Cakes</li></ul>',
  },
  'aria-required-parent': {
    title: 'Widget parts sit outside their widget',
    whyItMatters: 'Screen readers cannot tell which menu, list or tab set an item belongs to.',
    howToFix: 'Put items with roles such as menuitem, tab or option inside their proper parent role.',
    example: '<div role="tablist"><button role="tab">Details</button></div>',
  },
  'aria-input-field-name': {
    title: 'Custom fields have no label',
    whyItMatters: 'Blind people hear a field without knowing what to enter.',
    howToFix: 'Give the custom field an aria-label or aria-labelledby.',
    example: '<div role="combobox" aria-labelledby="city-label">…</div>',
  },
  'aria-toggle-field-name': {
    title: 'Custom switches and checkboxes have no label',
    whyItMatters: 'Blind people hear "checkbox" or "switch" without knowing what it turns on.',
    howToFix: 'Put text inside the control, or give it an aria-label.',
    example: '<div role="switch" aria-checked="false" tabindex="0">Newsletter</div>',
  },
  'aria-command-name': {
    title: 'Custom buttons and menu items have no text',
    whyItMatters: 'Blind people hear "button" or "menu item" with no clue what it does.',
    howToFix: 'Put text inside the element, or give it an aria-label.',
    example: '<div role="button" tabindex="0" aria-label="Close">×</div>',
  },
  'aria-dialog-name': {
    title: 'Pop-up dialogs have no name',
    whyItMatters: 'When a dialog opens, screen-reader users are not told what it is about.',
    howToFix: 'Give the dialog aria-labelledby pointing to its heading.',
    example: '<div role="dialog" aria-labelledby="d-title"><h2 id="d-title">Book a table</h2>…</div>',
  },
  'presentation-role-conflict': {
    title: 'Elements marked decorative are still interactive or labelled',
    whyItMatters: 'Screen readers ignore the "decorative" mark and read the element anyway, confusingly.',
    howToFix: 'Remove role="presentation"/"none", or remove the focusability and labels from truly decorative elements.',
    example: '<img src="swirl.png" alt="">',
  },
  'frame-title': {
    title: 'Embedded frames have no title',
    whyItMatters: 'Blind people hear "frame" with no clue whether it is a map, a video or a booking form.',
    howToFix: 'Give every <iframe> a title saying what it contains.',
    example: '<iframe src="https://maps.example/…" title="Map of our shop"></iframe>',
  },
  'frame-title-unique': {
    title: 'Embedded frames share the same title',
    whyItMatters: 'Screen-reader users cannot tell several frames apart.',
    howToFix: 'Give every <iframe> a different, descriptive title.',
    example: '<iframe title="Booking calendar" …></iframe>\n<iframe title="Shop location map" …></iframe>',
  },
  'frame-focusable-content': {
    title: 'Frames with controls cannot be reached by keyboard',
    whyItMatters: 'Keyboard users cannot get into the frame to use its buttons or fields.',
    howToFix: 'Remove tabindex="-1" from iframes that contain interactive content.',
    example: '<iframe src="/booking" title="Booking form"></iframe>',
  },
  'meta-viewport': {
    title: 'Zooming is switched off on phones',
    whyItMatters: 'People with low vision cannot pinch-zoom to read text or see photos on their phone.',
    howToFix: 'Remove user-scalable=no and maximum-scale from the viewport tag in the site template.',
    example: '<meta name="viewport" content="width=device-width, initial-scale=1">',
  },
  'meta-viewport-large': {
    title: 'Zooming on phones is limited',
    whyItMatters: 'People with low vision cannot zoom in far enough to read.',
    howToFix: 'Allow zoom to at least 500% by removing maximum-scale or setting it to 5 or more.',
    example: '<meta name="viewport" content="width=device-width, initial-scale=1">',
  },
  'meta-refresh': {
    title: 'Pages reload or redirect on a timer',
    whyItMatters: 'People who read slowly, use a screen reader or have attention difficulties are interrupted before they finish.',
    howToFix: 'Remove the timed refresh; redirect on the server instead.',
    example: '<!-- remove: <meta http-equiv="refresh" content="30"> -->',
  },
  'link-in-text-block': {
    title: 'Links in text are shown only by colour',
    whyItMatters: 'Colour-blind people and people with low vision cannot tell the links from the surrounding text.',
    howToFix: 'Underline links in body text (or give them another non-colour cue).',
    example: 'main p a { text-decoration: underline; }',
  },
  'scrollable-region-focusable': {
    title: 'Scrolling boxes cannot be scrolled by keyboard',
    whyItMatters: 'Keyboard users cannot reach the hidden part of a scrolling area, such as a long menu or terms box.',
    howToFix: 'Make the scrolling box focusable with tabindex="0" and give it a name, or make sure it contains a focusable element.',
    example: '<div class="terms" tabindex="0" role="region" aria-label="Terms and conditions">…</div>',
  },
  'nested-interactive': {
    title: 'Controls are placed inside other controls',
    whyItMatters: 'Keyboard and screen-reader users cannot reach or hear the inner control, such as a button inside a link.',
    howToFix: 'Do not put links or buttons inside other links or buttons; place them side by side.',
    example: '<div class="card"><a href="/cake">Lemon cake</a> <button>Add to basket</button></div>',
  },
  'target-size': {
    title: 'Buttons and links are too small to tap',
    whyItMatters: 'People with tremors, limited dexterity or large fingers tap the wrong thing on a phone.',
    howToFix: 'Make tap targets at least 24×24 CSS pixels, or space small ones so there is 24px around each.',
    example: '.social a { display: inline-block; min-width: 24px; min-height: 24px; }',
  },
  'video-caption': {
    title: 'Videos have no captions',
    whyItMatters: 'Deaf and hard-of-hearing people miss everything said in the video, and so does anyone watching with the sound off.',
    howToFix: 'Add a captions track to every video with speech.',
    example: '<video controls src="tour.mp4">\n  <track kind="captions" src="tour.en.vtt" srclang="en" label="English">\n</video>',
  },
  'no-autoplay-audio': {
    title: 'Sound starts playing by itself',
    whyItMatters: 'Screen-reader users cannot hear their reader over it, and it distracts people with attention difficulties.',
    howToFix: 'Do not autoplay sound, or stop it within 3 seconds and give a visible control to stop it.',
    example: '<video controls muted src="promo.mp4"></video>',
  },
  tabindex: {
    title: 'The keyboard order is forced out of its natural order',
    whyItMatters: 'Keyboard users jump around the page in a confusing order.',
    howToFix: 'Remove positive tabindex values; use tabindex="0" or none, and order the HTML the way it reads.',
    example: '<button tabindex="0">Book now</button>',
  },
  bypass: {
    title: 'There is no way to skip past the menu',
    whyItMatters: 'Keyboard and screen-reader users must step through every menu link on every page before reaching the content.',
    howToFix: 'Add a "Skip to main content" link at the top of the site template, and a <main> region.',
    example: '<a class="skip-link" href="#content">Skip to main content</a>\n…\n<main id="content">',
  },
  'skip-link': {
    title: 'The skip link leads nowhere',
    whyItMatters: 'Keyboard users press "Skip to content" and nothing happens.',
    howToFix: 'Point the skip link at an id that exists on the page, such as the <main> element.',
    example: '<a href="#content">Skip to main content</a> … <main id="content">',
  },
  accesskeys: {
    title: 'Keyboard shortcuts clash',
    whyItMatters: 'Keyboard users press a shortcut and get something unexpected, or lose a browser shortcut they rely on.',
    howToFix: 'Remove accesskey attributes, or make each one unique.',
    example: '<a href="/contact">Contact</a>',
  },
  'th-has-data-cells': {
    title: 'Table headers describe no cells',
    whyItMatters: 'Screen-reader users hear headers that do not match the data, and misread the table.',
    howToFix: 'Make sure every header cell heads a row or column of data, or turn it into a normal cell.',
    example: '<tr><th scope="col">Size</th><th scope="col">Price</th></tr>',
  },
  'td-headers-attr': {
    title: 'Table cells point to headers that are not in the table',
    whyItMatters: 'Screen-reader users hear the wrong header, or none, for each value.',
    howToFix: 'Make the headers attribute of each cell list ids of <th> cells in the same table.',
    example: '<th id="price">Price</th> … <td headers="price">£24</td>',
  },
  'table-fake-caption': {
    title: 'A table uses its first row as a caption',
    whyItMatters: 'Screen readers announce a table\'s <caption> when users reach it; a first row spanning the table only looks like one, and is read as one more cell heading those below it.',
    howToFix: 'Move that text into a <caption> as the first thing in the table, and remove the row.',
    example: '<table><caption>Flour stock</caption>…</table>',
  },
  'td-has-header': {
    title: 'Data cells in large tables have no headers',
    whyItMatters: 'Screen-reader users hear numbers without knowing what they mean.',
    howToFix: 'Mark up row and column headers with <th scope="col|row">.',
    example: '<th scope="col">Price</th>',
  },
  'empty-table-header': {
    title: 'Table headers are empty',
    whyItMatters: 'Screen-reader users hear nothing for the column or row, so the values make no sense.',
    howToFix: 'Put text in every <th> (it may be visually hidden), or use <td> for a blank corner cell.',
    example: '<th scope="col">Price</th>',
  },
  'scope-attr-valid': {
    title: 'Table headers have a wrong scope',
    whyItMatters: 'Screen readers associate the header with the wrong cells.',
    howToFix: 'Use scope="col" or scope="row" only on <th> cells.',
    example: '<th scope="row">Small</th>',
  },
  'identical-links-same-purpose': {
    title: 'Links with the same text go to different places',
    whyItMatters: 'Screen-reader users hearing a list of "Read more" links cannot tell them apart.',
    howToFix: 'Give each link text that says where it goes, or make same-text links lead to the same page.',
    example: '<a href="/cakes/lemon">Read more about lemon cake</a>',
  },
  'label-content-name-mismatch': {
    title: "Controls' hidden names differ from their visible text",
    whyItMatters: 'Voice-control users say the words they see, and nothing happens.',
    howToFix: 'Make the aria-label start with, or contain, the visible text.',
    example: '<button aria-label="Search the shop">Search</button>',
  },
  'avoid-inline-spacing': {
    title: 'Text spacing is locked',
    whyItMatters: 'People with dyslexia or low vision who widen letter and line spacing with their own settings cannot do so.',
    howToFix: 'Remove !important from inline line-height, letter-spacing and word-spacing styles.',
    example: '<p style="line-height: 1.5">…</p>',
  },
  'css-orientation-lock': {
    title: 'The page only works in one screen orientation',
    whyItMatters: 'People with a tablet or phone fixed to a wheelchair or bed mount cannot turn the screen.',
    howToFix: 'Remove CSS that forces portrait or landscape.',
    example: '/* remove: @media (orientation: portrait) { body { transform: rotate(90deg) } } */',
  },
  'server-side-image-map': {
    title: 'Image maps work only with a mouse',
    whyItMatters: 'Keyboard and screen-reader users cannot choose a region of the map.',
    howToFix: 'Replace the server-side image map with ordinary links or a client-side <map>.',
    example: '<a href="/north">North branch</a> <a href="/south">South branch</a>',
  },
  blink: {
    title: 'Text blinks',
    whyItMatters: 'Blinking text is hard to read and distracts people with attention difficulties; it can also be uncomfortable for people with vestibular or seizure disorders.',
    howToFix: 'Remove <blink> and blinking CSS.',
    example: '<strong>Sale today</strong>',
  },
  marquee: {
    title: 'Text scrolls across the screen',
    whyItMatters: 'Moving text is hard to read for people with low vision or reading difficulties, and there is no way to pause it.',
    howToFix: 'Replace <marquee> with static text.',
    example: '<p>Free delivery this week</p>',
  },
  'summary-name': {
    title: 'Expandable sections have no label',
    whyItMatters: 'Blind people hear an expand/collapse control with no clue what it opens.',
    howToFix: 'Put text in every <summary> element.',
    example: '<details><summary>Allergy information</summary>…</details>',
  },
};

/** Who each rule shuts out, where the rule's category alone would say too little or too much. */
const RULE_AUDIENCES: Record<string, Audience[]> = {
  'color-contrast': ['low-vision', 'colour-blind'],
  'color-contrast-enhanced': ['low-vision', 'colour-blind'],
  'link-in-text-block': ['colour-blind', 'low-vision'],
  label: ['blind', 'cognitive'],
  'select-name': ['blind', 'cognitive'],
  'label-title-only': ['blind', 'keyboard', 'cognitive'],
  'form-field-multiple-labels': ['blind', 'cognitive'],
  'autocomplete-valid': ['motor', 'cognitive'],
  'link-name': ['blind', 'motor'],
  'button-name': ['blind', 'motor'],
  'input-button-name': ['blind', 'motor'],
  'label-content-name-mismatch': ['motor', 'blind'],
  'html-has-lang': ['blind', 'other-language'],
  'html-lang-valid': ['blind', 'other-language'],
  'html-xml-lang-mismatch': ['blind', 'other-language'],
  'valid-lang': ['blind', 'other-language'],
  'document-title': ['blind', 'cognitive'],
  'meta-viewport': ['low-vision', 'zoom'],
  'meta-viewport-large': ['low-vision', 'zoom'],
  'meta-refresh': ['blind', 'cognitive'],
  'meta-refresh-no-exceptions': ['blind', 'cognitive'],
  'target-size': ['motor'],
  'video-caption': ['deaf'],
  'audio-caption': ['deaf'],
  'no-autoplay-audio': ['blind', 'cognitive'],
  blink: ['cognitive', 'vestibular'],
  marquee: ['cognitive', 'low-vision', 'vestibular'],
  'avoid-inline-spacing': ['low-vision', 'cognitive'],
  'css-orientation-lock': ['motor'],
  'aria-hidden-focus': ['keyboard', 'blind'],
  'nested-interactive': ['keyboard', 'blind'],
  'scrollable-region-focusable': ['keyboard', 'motor'],
  'frame-focusable-content': ['keyboard', 'motor'],
  bypass: ['keyboard', 'blind', 'motor'],
  'skip-link': ['keyboard', 'motor'],
  tabindex: ['keyboard', 'motor'],
  accesskeys: ['keyboard', 'motor'],
  'focus-order-semantics': ['keyboard', 'blind'],
  'server-side-image-map': ['keyboard', 'blind'],
  region: ['blind'],
  'identical-links-same-purpose': ['blind', 'cognitive'],
  'heading-order': ['blind', 'cognitive'],
  'page-has-heading-one': ['blind', 'cognitive'],
};

/** Fallback audiences by axe category tag, for rules without their own entry. */
const CATEGORY_AUDIENCES: Record<string, Audience[]> = {
  'cat.color': ['low-vision', 'colour-blind'],
  'cat.text-alternatives': ['blind'],
  'cat.forms': ['blind', 'cognitive'],
  'cat.keyboard': ['keyboard', 'motor'],
  'cat.language': ['blind', 'other-language'],
  'cat.name-role-value': ['blind'],
  'cat.aria': ['blind'],
  'cat.parsing': ['blind'],
  'cat.semantics': ['blind'],
  'cat.structure': ['blind'],
  'cat.tables': ['blind'],
  'cat.time-and-media': ['deaf', 'blind'],
  'cat.sensory-and-visual-cues': ['low-vision'],
};

const RULE_FAMILIES: Record<string, CheckFamily> = {
  'html-has-lang': 'language',
  'html-lang-valid': 'language',
  'valid-lang': 'language',
  'html-xml-lang-mismatch': 'language',
  'image-alt': 'alt-text',
  'input-image-alt': 'alt-text',
  'svg-img-alt': 'alt-text',
  'role-img-alt': 'alt-text',
  'area-alt': 'alt-text',
  'object-alt': 'alt-text',
  'image-redundant-alt': 'alt-text',
  label: 'forms',
  'select-name': 'forms',
  'label-title-only': 'forms',
  'form-field-multiple-labels': 'forms',
  'autocomplete-valid': 'forms',
  'aria-input-field-name': 'forms',
  'aria-toggle-field-name': 'forms',
  'video-caption': 'media',
  'audio-caption': 'media',
  'no-autoplay-audio': 'media',
  blink: 'motion',
  marquee: 'motion',
  tabindex: 'keyboard',
  'scrollable-region-focusable': 'keyboard',
  bypass: 'keyboard',
  'skip-link': 'keyboard',
  'nested-interactive': 'keyboard',
  'aria-hidden-focus': 'keyboard',
  'frame-focusable-content': 'keyboard',
  'focus-order-semantics': 'keyboard',
  accesskeys: 'keyboard',
  'meta-viewport': 'zoom',
  'meta-viewport-large': 'zoom',
  // region carries axe's cat.keyboard tag but is about page regions for screen readers.
  region: 'accessibility',
  // These carry cat.text-alternatives but are about titles and mouse-only maps, not image descriptions.
  'document-title': 'accessibility',
  'frame-title': 'accessibility',
  'frame-title-unique': 'accessibility',
  'server-side-image-map': 'keyboard',
};

const CATEGORY_FAMILIES: Record<string, CheckFamily> = {
  'cat.language': 'language',
  'cat.text-alternatives': 'alt-text',
  'cat.forms': 'forms',
  'cat.time-and-media': 'media',
  'cat.keyboard': 'keyboard',
};

/** Plain-language texts for an axe rule, or axe's own help and description for rules without an entry. */
export function axeRuleInfo(ruleId: string, fallback: { help: string; description: string; helpUrl: string }): RuleInfo {
  const text = Object.hasOwn(RULE_TEXTS, ruleId) ? RULE_TEXTS[ruleId] : undefined;
  if (text) return { ...text, helpUrl: fallback.helpUrl };
  return {
    title: fallback.help || ruleId,
    whyItMatters: fallback.description || fallback.help || ruleId,
    howToFix: fallback.help ? `${fallback.help}. The linked guide shows how.` : 'The linked guide shows how.',
    example: '',
    helpUrl: fallback.helpUrl,
  };
}

/** Rule ids with hand-written texts, for docs and tests. */
export const AXE_RULES_WITH_TEXT: readonly string[] = Object.keys(RULE_TEXTS);

/** Who an axe rule's failures shut out: the rule's own entry, else its category tags, else everyone. */
export function axeAffects(ruleId: string, tags: string[]): Audience[] {
  if (Object.hasOwn(RULE_AUDIENCES, ruleId)) return [...RULE_AUDIENCES[ruleId]];
  const audiences = new Set<Audience>();
  for (const tag of tags) {
    if (Object.hasOwn(CATEGORY_AUDIENCES, tag)) for (const audience of CATEGORY_AUDIENCES[tag]) audiences.add(audience);
  }
  return audiences.size > 0 ? [...audiences] : ['everyone'];
}

/** Success criterion tags: "wcag" + principle digit + guideline digit + criterion number ("wcag1410" → 1.4.10). */
const CRITERION_TAG = /^wcag(\d)(\d)(\d{1,2})$/;
/** Level tags: wcag2a, wcag21aa, wcag22aa, wcag2aaa; "-obsolete" marks criteria WCAG 2.2 removed (4.1.1). */
const LEVEL_TAG = /^wcag2\d?(a{1,3})(?:-obsolete)?$/;
const LEVELS_BY_LETTERS: Record<string, WcagLevel> = { a: 'A', aa: 'AA', aaa: 'AAA' };
const LEVEL_STRENGTH: readonly WcagLevel[] = ['A', 'AA', 'AAA'];

/** WCAG success criteria and conformance level from axe's tags. */
export function axeWcag(tags: string[]): { wcag: string[]; level: WcagLevel } {
  const wcag: string[] = [];
  const levels: WcagLevel[] = [];
  for (const tag of tags) {
    const level = LEVEL_TAG.exec(tag);
    if (level) {
      levels.push(LEVELS_BY_LETTERS[level[1]]);
      continue;
    }
    const sc = CRITERION_TAG.exec(tag);
    if (sc) {
      const id = `${sc[1]}.${sc[2]}.${Number(sc[3])}`;
      if (!wcag.includes(id)) wcag.push(id);
    }
  }
  // Rules tagged at several levels count at the strictest (A before AA before AAA).
  let level = LEVEL_STRENGTH.find((candidate) => levels.includes(candidate));
  if (!level) {
    // No level tag: take it from the criteria themselves where we know them.
    const known = wcag.map((id) => criterion(id)?.level).filter((value): value is 'A' | 'AA' | 'AAA' => !!value);
    level = LEVEL_STRENGTH.find((candidate) => known.includes(candidate as 'A' | 'AA' | 'AAA'));
  }
  return { wcag, level: level ?? 'best-practice' };
}

/** Which welcomemat family an axe rule belongs to, so families can be filtered and switched off alike. */
export function axeFamily(ruleId: string, tags: string[]): CheckFamily {
  if (Object.hasOwn(RULE_FAMILIES, ruleId)) return RULE_FAMILIES[ruleId];
  for (const tag of tags) if (Object.hasOwn(CATEGORY_FAMILIES, tag)) return CATEGORY_FAMILIES[tag];
  return 'accessibility';
}

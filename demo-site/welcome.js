// Crumb & Kettle: the cookie banner (markup imitating Cookiebot's) and the newsletter pop-up every visitor meets on arrival.
(function () {
  'use strict';
  var spanish = document.documentElement.lang === 'es';
  function cookie(name) {
    return document.cookie.split('; ').some(function (c) { return c.indexOf(name + '=') === 0; });
  }

  if (!cookie('CookieConsent')) {
    var banner = document.createElement('div');
    banner.id = 'CybotCookiebotDialog';
    banner.setAttribute('role', 'dialog');
    banner.setAttribute('aria-labelledby', 'CybotCookiebotDialogTitle');
    // demo-problem: arrival: refusing ("Use necessary cookies only") is a small text link beside a
    // filled "Allow all" button: refusing is not as easy to see as accepting (consent-refuse-equal).
    banner.innerHTML = spanish
      ? '<h2 id="CybotCookiebotDialogTitle">Esta web usa cookies</h2><p>Usamos cookies para recordar su pedido y para saber qué páginas se visitan más.</p>' +
        '<div class="cookie-buttons"><button type="button" id="CybotCookiebotDialogBodyLevelButtonLevelOptinDeclineAll" class="cookie-decline">Usar solo las cookies necesarias</button>' +
        '<button type="button" id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll" class="cookie-allow">Permitir todas</button></div>'
      : '<h2 id="CybotCookiebotDialogTitle">This website uses cookies</h2><p>We use cookies to remember your order and to learn which pages people read most.</p>' +
        '<div class="cookie-buttons"><button type="button" id="CybotCookiebotDialogBodyLevelButtonLevelOptinDeclineAll" class="cookie-decline">Use necessary cookies only</button>' +
        '<button type="button" id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll" class="cookie-allow">Allow all</button></div>';
    document.body.appendChild(banner);
    var choose = function (value) {
      document.cookie = 'CookieConsent=' + value + '; path=/; SameSite=Lax';
      banner.remove();
    };
    banner.querySelector('.cookie-decline').addEventListener('click', function () { choose('necessary'); });
    banner.querySelector('.cookie-allow').addEventListener('click', function () { choose('all'); });
  }

  // demo-problem: arrival: a newsletter pop-up interrupts visitors on arrival, until closed (arrival-popup).
  if (!spanish && !cookie('ck_newsletter')) {
    var backdrop = document.createElement('div');
    backdrop.className = 'newsletter-backdrop';
    backdrop.innerHTML =
      '<div class="newsletter-popup" role="dialog" aria-modal="true" aria-labelledby="newsletter-title">' +
      '<h2 id="newsletter-title">10% off your first loaf</h2><p>Join our newsletter for the week\u2019s bakes and class dates.</p>' +
      '<form><label for="newsletter-email">Email</label> <input id="newsletter-email" type="email" autocomplete="email"> <button type="submit">Subscribe</button></form>' +
      '<button type="button" class="newsletter-close" aria-label="Close">\u00d7</button></div>';
    document.body.appendChild(backdrop);
    var close = function () {
      document.cookie = 'ck_newsletter=closed; path=/; SameSite=Lax';
      backdrop.remove();
    };
    backdrop.querySelector('.newsletter-close').addEventListener('click', close);
    document.addEventListener('keydown', function (event) { if (event.key === 'Escape') close(); });
    backdrop.querySelector('.newsletter-close').focus();
  }
})();

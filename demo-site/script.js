// Crumb & Kettle: the "This week" carousel on the home page.
(function () {
  'use strict';
  var carousel = document.querySelector('[data-carousel]');
  if (!carousel) return;
  var slides = Array.prototype.slice.call(carousel.querySelectorAll('.carousel-slide'));
  var current = 0;

  function show(index) {
    current = (index + slides.length) % slides.length;
    slides.forEach(function (slide, i) {
      slide.hidden = i !== current;
    });
  }

  carousel.querySelector('[data-carousel-prev]').addEventListener('click', function () {
    show(current - 1);
  });
  carousel.querySelector('[data-carousel-next]').addEventListener('click', function () {
    show(current + 1);
  });

  // demo-problem: motion: advances every 3 seconds (3000 ms) forever, with no pause button,
  // no pause on hover or focus, and no check of prefers-reduced-motion (WCAG 2.2.2).
  setInterval(function () {
    show(current + 1);
  }, 3000);
})();

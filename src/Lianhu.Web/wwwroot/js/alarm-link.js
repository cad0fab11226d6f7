// The one-time alarm link page: the copy button copies the link (no inline script under the CSP).
(function () {
  'use strict';
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      const field = document.getElementById(button.getAttribute('data-copy'));
      if (!field) return;
      field.select();
      if (navigator.clipboard) navigator.clipboard.writeText(field.value).catch(function () { document.execCommand('copy'); });
      else document.execCommand('copy');
    });
  });
})();

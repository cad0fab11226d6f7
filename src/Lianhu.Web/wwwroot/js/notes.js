// The one-key alarm page (/a/...): one press sends one form. If she allows it, the browser's location
// is added first (waiting at most a few seconds — the alert must not wait for a GPS fix); the button
// is disabled after the first press so a double tap does not post twice (the server also joins
// presses into one alert). Nothing is stored in the browser by this script.
(function () {
  'use strict';
  document.querySelectorAll('form[data-press]').forEach(function (form) {
    let sending = false;
    form.addEventListener('submit', function (event) {
      if (sending) { event.preventDefault(); return; }
      const share = form.querySelector('[data-share-location]');
      const button = form.querySelector('button[type="submit"]');
      if (!share || !share.checked || !navigator.geolocation || form.dataset.located === 'true') {
        sending = true;
        if (button) button.disabled = true;
        return;
      }
      event.preventDefault();
      sending = true;
      if (button) button.disabled = true;
      let sent = false;
      function send() {
        if (sent) return;
        sent = true;
        form.dataset.located = 'true';
        HTMLFormElement.prototype.submit.call(form);
      }
      const timer = setTimeout(send, 4000);
      navigator.geolocation.getCurrentPosition(function (position) {
        form.elements.lat.value = String(position.coords.latitude);
        form.elements.lng.value = String(position.coords.longitude);
        form.elements.acc.value = String(Math.round(position.coords.accuracy));
        clearTimeout(timer);
        send();
      }, function () { clearTimeout(timer); send(); }, { enableHighAccuracy: true, timeout: 3500, maximumAge: 60000 });
    });
  });
})();

// Counts down every [data-countdown] (an instant in ms since the epoch) as h:mm:ss; at zero the page reloads, so access that ended shows as ended.
(function () {
  function pad(n) { return n < 10 ? "0" + n : "" + n; }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      var left = Math.max(0, Math.floor((Number(el.getAttribute("data-countdown")) - now) / 1000));
      el.textContent = Math.floor(left / 3600) + ":" + pad(Math.floor(left / 60) % 60) + ":" + pad(left % 60);
      if (left === 0 && !el.hasAttribute("data-ended")) { el.setAttribute("data-ended", ""); window.location.reload(); }
    });
  }
  if (document.querySelector("[data-countdown]")) { tick(); setInterval(tick, 1000); }
})();

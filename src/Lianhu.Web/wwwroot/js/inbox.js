// Live inbox: joins /hubs/inbox (cookie-authenticated) and, on each push (a kind and ids only),
// reloads the inbox page in the background to refresh the navigation count and, on /inbox, the
// list itself. Nothing from the push is shown; what appears comes from the scoped server page.
// One-key alarm pushes (kind alarm.*) also put the inbox's urgent-alarm box at the top of any other
// staff page, and re-read the alarm panel of the case page the alert belongs to.
(function () {
  'use strict';
  if (typeof signalR === 'undefined') return;

  let refreshing = null;
  async function refresh() {
    if (refreshing) return refreshing;
    refreshing = (async () => {
      try {
        const response = await fetch('/inbox', { credentials: 'same-origin', headers: { 'Accept': 'text/html' } });
        if (!response.ok) return;
        const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
        const count = doc.querySelector('[data-inbox-count]');
        document.querySelectorAll('[data-inbox-count]').forEach(function (el) { if (count) el.textContent = count.textContent; });
        const fresh = doc.getElementById('inbox-content');
        const here = document.getElementById('inbox-content');
        if (fresh && here) here.replaceWith(document.importNode(fresh, true));
        if (!here) showAlarms(doc.querySelector('[data-testid="inbox-alarms"]'));
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  function showAlarms(box) {
    let banner = document.getElementById('alarm-banner');
    if (!box) {
      if (banner) banner.replaceChildren();
      return;
    }
    if (!banner) {
      banner = document.createElement('div');
      banner.id = 'alarm-banner';
      banner.setAttribute('role', 'alert');
      const main = document.querySelector('main') || document.body;
      main.insertBefore(banner, main.firstChild);
    }
    banner.replaceChildren(document.importNode(box, true));
  }

  async function refreshAlarmPanel(caseId) {
    const panel = document.querySelector('[data-alarm-live]');
    if (!panel || !caseId || location.pathname.toLowerCase().indexOf(String(caseId).toLowerCase()) < 0) return;
    const response = await fetch('/cases/' + encodeURIComponent(caseId) + '/alarm/panel', { credentials: 'same-origin', headers: { 'Accept': 'text/html' } });
    if (!response.ok) return;
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = doc.querySelector('[data-alarm-live]');
    const here = document.querySelector('[data-alarm-live]');
    if (fresh && here) here.replaceWith(document.importNode(fresh, true));
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/inbox')
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on('inbox', function (signal) {
    if (signal && typeof signal.kind === 'string' && signal.kind.indexOf('alarm.') === 0) refreshAlarmPanel(signal.caseId);
    refresh();
  });
  connection.onreconnected(function () { refresh(); });
  connection.start().then(function () { document.documentElement.dataset.inboxLive = 'true'; }).catch(function () { /* the page still works without live updates */ });
})();

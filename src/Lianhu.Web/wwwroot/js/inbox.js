// Live inbox: joins /hubs/inbox (cookie-authenticated) and, on each push (a kind and ids only),
// reloads the inbox page in the background to refresh the navigation count and, on /inbox, the
// list itself. Nothing from the push is shown; what appears comes from the scoped server page.
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
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/inbox')
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on('inbox', function () { refresh(); });
  connection.onreconnected(function () { refresh(); });
  connection.start().then(function () { document.documentElement.dataset.inboxLive = 'true'; }).catch(function () { /* the page still works without live updates */ });
})();

// Quick exit for the public pages (ADR 0033): the button and the Esc key replace this page AND its
// history entry with a neutral site, so Back does not return here; a public page reached through the
// history (Back, Forward, the back/forward cache) leaves the same way. Links between public pages marked
// data-replace replace the current entry too, so the history holds at most one of them.
(function () {
    'use strict';
    var exit = document.getElementById('quick-exit');
    if (!exit) {
        return;
    }

    var target = exit.getAttribute('href');
    var leaving = false;

    function leave(event) {
        if (event) {
            event.preventDefault();
        }

        if (leaving) {
            return;
        }

        leaving = true;
        document.title = '';
        document.body.classList.add('help-leaving');
        window.location.replace(target);
    }

    // A public page reached with Back or Forward (after a form post the form page stays in the history)
    // leaves at once: whoever walks the history back finds the neutral site, never these pages.
    var navigation = window.performance && performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
    if (navigation && navigation.type === 'back_forward') {
        leave();
        return;
    }

    window.addEventListener('pageshow', function (event) {
        if (event.persisted) {
            leave();
        }
    });

    exit.addEventListener('click', leave);
    document.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' || event.key === 'Esc') {
            leave(event);
        }
    });
    document.addEventListener('click', function (event) {
        var link = event.target && event.target.closest ? event.target.closest('a[data-replace]') : null;
        if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
            return;
        }

        event.preventDefault();
        window.location.replace(link.href);
    });
})();

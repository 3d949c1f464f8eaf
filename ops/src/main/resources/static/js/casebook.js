// Casebook's pages: a little behaviour on top of server-rendered forms. Everything works without it
// but what a browser alone cannot do (the evidence file's fingerprint, swaps without a reload).
(function () {
    'use strict';

    // htmx requests carry the form token, as forms do.
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="csrf-token"]');
        if (token) {
            event.detail.headers['X-XSRF-TOKEN'] = token.content;
        }
    });

    // After a swap, focus what the swap asks for (a refused field), so keyboard and screen-reader users
    // stay where the page changed.
    document.addEventListener('htmx:afterSwap', function (event) {
        var target = event.detail.target;
        var focus = target && target.querySelector && target.querySelector('[autofocus], [aria-invalid="true"]');
        if (focus) {
            focus.focus();
        }
    });

    // A form that undoes work asks first (without scripts, it does not ask).
    document.addEventListener('submit', function (event) {
        var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
        if (question && !window.confirm(question)) {
            event.preventDefault();
        }
    });

    function hex(buffer) {
        return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
            return ('0' + b.toString(16)).slice(-2);
        }).join('');
    }

    // The evidence: the browser computes the file's SHA-256; only the fingerprint is sent.
    document.addEventListener('change', function (event) {
        var input = event.target;
        if (!input.matches || !input.matches('input[type="file"][data-sha256]') || !input.files.length) {
            return;
        }
        var file = input.files[0];
        var form = input.form;
        var hash = form.querySelector('[name="' + input.dataset.sha256 + '"]');
        file.arrayBuffer().then(function (bytes) {
            return crypto.subtle.digest('SHA-256', bytes);
        }).then(function (digest) {
            // The file's name may name the client: it stays with the counselor, like the file.
            hash.value = hex(digest);
            hash.dispatchEvent(new Event('change', {bubbles: true}));
        });
    });
})();

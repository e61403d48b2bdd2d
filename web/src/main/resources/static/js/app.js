// Lockstep's only script: wires CSRF into htmx and enables typed-confirmation buttons. No inline code anywhere,
// so the Content-Security-Policy can forbid inline scripts and eval.
(function () {
  'use strict';

  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header && token.content && header.content) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A form marked data-swap-refusals shows a 403 answer in place (its card explains the refusal), as htmx
  // already does for 409 and 422; elsewhere a 403 stays an error.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var elt = event.detail.elt;
    if (event.detail.xhr && event.detail.xhr.status === 403 && elt && elt.closest && elt.closest('[data-swap-refusals]')) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // <input data-confirm-match="shop"> enables the submit button of its form only when the value matches.
  function updateConfirm(input) {
    var form = input.form;
    if (!form) { return; }
    var button = form.querySelector('[type="submit"]');
    if (button) { button.disabled = input.value.trim() !== input.getAttribute('data-confirm-match'); }
  }
  document.addEventListener('input', function (event) {
    if (event.target.matches && event.target.matches('[data-confirm-match]')) { updateConfirm(event.target); }
  });
  function init(root) {
    root.querySelectorAll('[data-confirm-match]').forEach(updateConfirm);
    root.querySelectorAll('[data-copy-target]').forEach(function (button) {
      button.addEventListener('click', function () {
        var target = document.getElementById(button.getAttribute('data-copy-target'));
        if (target && navigator.clipboard) {
          navigator.clipboard.writeText(target.textContent.trim()).then(function () { button.textContent = 'Copied'; });
        }
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { init(document); });
  document.addEventListener('htmx:afterSwap', function (event) { init(event.target); });
})();

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
  // Forms marked data-swap-errors show a 403 refusal (such as a self-approval) in place, like 409 and 422.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var source = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (event.detail.xhr.status === 403 && source && source.closest && source.closest('[data-swap-errors]')) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener('DOMContentLoaded', function () { init(document); });
  document.addEventListener('htmx:afterSwap', function (event) { init(event.target); });
})();

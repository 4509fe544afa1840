/* reCAPTCHA v3, only loaded when keys are configured. Fills the hidden token just
   before the form is sent; without JavaScript the form still works (the
   submission is then flagged for moderation, never rejected). */
(function () {
  "use strict";
  var form = document.querySelector("form[data-recaptcha-key]");
  if (!form || !window.grecaptcha) { return; }
  var key = form.getAttribute("data-recaptcha-key");
  var field = form.querySelector(".feedback-recaptcha-token");
  var ready = false;
  form.addEventListener("submit", function (event) {
    if (ready) { return; }
    event.preventDefault();
    window.grecaptcha.ready(function () {
      window.grecaptcha.execute(key, { action: "submit" }).then(function (token) {
        field.value = token;
        ready = true;
        form.submit();
      }, function () { ready = true; form.submit(); });
    });
  });
})();

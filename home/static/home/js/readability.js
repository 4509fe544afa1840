// Re-scores the page text while the editor types. The server computes LIX
// (home/readability.py) so that there is only one implementation.
(function () {
  "use strict";
  const panel = document.querySelector("[data-portal-lix]");
  if (!panel || panel.dataset.bound) return;
  panel.dataset.bound = "1";
  const form = panel.closest("form");
  if (!form) return;
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
  let timer = null;

  function collectText() {
    const parts = [];
    form.querySelectorAll("input[type=text], textarea").forEach(function (el) {
      if (el.name && !/slug|seo_title|search_keywords|url/.test(el.name) && el.value) {
        parts.push(el.value);
      }
    });
    form.querySelectorAll("[contenteditable=true]").forEach(function (el) {
      parts.push(el.innerText);
    });
    return parts.join("\n");
  }

  function update() {
    const body = new URLSearchParams();
    body.set("text", collectText());
    fetch(panel.dataset.url, {
      method: "POST",
      headers: { "X-CSRFToken": csrf ? csrf.value : "" },
      body: body,
      credentials: "same-origin",
    })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        panel.querySelector("[data-lix-score]").textContent = data.score;
        panel.querySelector("[data-lix-label]").textContent = data.label;
        panel.querySelector("[data-lix-words]").textContent = data.words;
        panel.querySelector("[data-lix-sentences]").textContent = data.sentences;
        panel.querySelector("[data-lix-long]").textContent = data.long_words;
        panel.querySelector("[data-lix-warning]").hidden = !data.warn;
      })
      .catch(function () { /* the score is advice; a failed update changes nothing */ });
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 600);
  });
})();

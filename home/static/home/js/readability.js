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

  // The same fields, in the same order, as the score on opening
  // (Page.readability_text): plain fields by value, rich text by what its
  // editor shows, one block a line.
  const fields = (panel.dataset.fields || "").split(" ").filter(Boolean);

  function fieldText(name) {
    const input = form.querySelector("[name='" + name + "']");
    if (!input) return "";
    const wrapper = input.closest("[data-field-input]") || input.parentElement;
    const editable = wrapper && wrapper.querySelector("[contenteditable=true]");
    if (editable) return editable.innerText;
    return input.type === "hidden" ? "" : input.value;
  }

  function collectText() {
    return fields.map(fieldText).map(function (t) { return t.trim(); })
      .filter(Boolean).join("\n");
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
        panel.querySelector("[data-lix-score]").textContent = data.score_display;
        panel.querySelector("[data-lix-label]").textContent = data.label;
        panel.querySelector("[data-lix-words]").textContent = data.words;
        panel.querySelector("[data-lix-sentences]").textContent = data.sentences;
        panel.querySelector("[data-lix-long]").textContent = data.long_words;
        panel.querySelector("[data-lix-warning]").hidden = !data.warn;
        const list = panel.querySelector("[data-lix-hardest]");
        list.replaceChildren.apply(list, data.hardest.map(function (sentence) {
          const item = document.createElement("li");
          item.textContent = sentence;
          return item;
        }));
        panel.querySelector("[data-lix-hardest-block]").hidden = !data.hardest.length;
        const words = panel.querySelector("[data-plain-words]");
        const pattern = panel.dataset.plainWordPattern;
        words.replaceChildren.apply(words, data.plain_words.map(function (hit) {
          const item = document.createElement("li");
          item.textContent = pattern.replace("%(found)s", hit.found)
            .replace("%(instead)s", hit.instead);
          return item;
        }));
        panel.querySelector("[data-plain-words-block]").hidden = !data.plain_words.length;
      })
      .catch(function () { /* the score is advice; a failed update changes nothing */ });
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 600);
  });
})();

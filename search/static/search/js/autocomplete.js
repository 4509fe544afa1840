/*
 * Search suggestions as you type: progressive enhancement of the search form
 * (portal/templates/components/search_form.html). Without this script the form
 * is a plain GET form and works as before.
 *
 * Implements the WAI-ARIA 1.2 combobox pattern with a listbox popup:
 * the input gets role=combobox, aria-expanded, aria-controls and
 * aria-activedescendant; options are role=option with aria-selected. Arrow keys
 * move, Enter opens the chosen page, Escape closes the list (or clears the field
 * when the list is closed). A polite live region says how many suggestions came.
 */
(function () {
  "use strict";

  var DELAY = 150;
  var MIN_CHARS = 2;

  function enhance(form) {
    var input = form.querySelector("input[type=search]");
    var url = form.getAttribute("data-suggest-url");
    // The search box include may load this script more than once on a page.
    if (!input || !url || form.hasAttribute("data-enhanced")) return;
    form.setAttribute("data-enhanced", "");

    var listId = input.id + "-listbox";
    var wrapper = document.createElement("div");
    wrapper.className = "portal-search-combo";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "portal-search-listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.getAttribute("data-list-label") || "");
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("div");
    status.className = "portal-search-sr";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var options = [];
    var active = -1;
    var timer = null;
    var lastQuery = "";
    var controller = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      options.forEach(function (option, i) {
        option.el.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].el.id);
        options[index].el.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function announce(count) {
      var template = count === 0
        ? form.getAttribute("data-status-none")
        : form.getAttribute(count === 1 ? "data-status-one" : "data-status-many");
      status.textContent = (template || "").replace("%s", String(count));
    }

    function render(results) {
      list.textContent = "";
      options = results.map(function (result, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = result.title;
        if (result.type) {
          var type = document.createElement("span");
          type.className = "portal-search-type";
          type.textContent = result.type;
          li.appendChild(type);
        }
        li.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the input
        });
        li.addEventListener("click", function () {
          go(i);
        });
        list.appendChild(li);
        return { el: li, url: result.url };
      });
      active = -1;
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      announce(options.length);
    }

    function go(index) {
      var option = options[index];
      // Only same-origin paths: the endpoint returns page URLs of this site.
      if (option && option.url && option.url.charAt(0) === "/" &&
          option.url.charAt(1) !== "/") {
        window.location.assign(option.url);
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_CHARS) {
        lastQuery = query;
        render([]);
        status.textContent = "";
        return;
      }
      if (query === lastQuery) return;
      lastQuery = query;
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined
      }).then(function (response) {
        return response.ok ? response.json() : { results: [] };
      }).then(function (data) {
        if (input.value.trim() === query) render(data.results || []);
      }).catch(function () { /* offline or aborted: the form still works */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      switch (event.key) {
        case "ArrowDown":
          if (!open && options.length) {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
          }
          if (options.length) {
            setActive(active + 1 >= options.length ? 0 : active + 1);
            event.preventDefault();
          }
          break;
        case "ArrowUp":
          if (open && options.length) {
            setActive(active <= 0 ? options.length - 1 : active - 1);
            event.preventDefault();
          }
          break;
        case "Enter":
          if (open && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (open) {
            close();
          } else {
            input.value = "";
          }
          event.preventDefault();
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  function init() {
    var forms = document.querySelectorAll("form.portal-search[data-suggest-url]");
    Array.prototype.forEach.call(forms, enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

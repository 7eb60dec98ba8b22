// Site search with Pagefind, imported on first use so no index is downloaded up front.
(function () {
  "use strict";
  var box = document.querySelector(".dp-search");
  if (!box) return;
  var toggle = box.querySelector(".dp-search__toggle");
  var panel = box.querySelector(".dp-search__panel");
  var input = box.querySelector(".dp-search__input");
  var list = box.querySelector(".dp-search__results");
  var pagefind = null;
  var timer = null;
  var latest = 0;

  function open(show) {
    panel.hidden = !show;
    toggle.setAttribute("aria-expanded", String(show));
    if (show) input.focus();
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL(input.getAttribute("data-pagefind"), location.href).href);
    }
    return pagefind;
  }

  // Thai words are indexed spelled in mark-free Latin letters (hooks/devplan/search.py,
  // thai_key): spell the query's Thai words the same way.
  function thaiKey(word) {
    var key = "q";
    for (var i = 0; i < word.length; i++) {
      var offset = word.charCodeAt(i) - 0x0E00;
      key += String.fromCharCode(97 + Math.floor(offset / 26), 97 + (offset % 26));
    }
    return key;
  }

  // Each Thai run the reader types is one key, matched as the start of indexed words, so
  // ท่องเที่ยว finds ท่องเที่ยว and นักท่องเที่ยว finds itself; words typed apart are all required.
  function indexTerms(query) {
    return query.split(/\s+/).filter(Boolean).map(function (word) {
      return /^[\u0E00-\u0E7F]+$/.test(word) ? thaiKey(word) : word;
    }).join(" ");
  }

  function show(items) {
    list.textContent = "";
    if (!items.length) {
      var none = document.createElement("li");
      none.textContent = input.getAttribute("data-none");
      list.appendChild(none);
      return;
    }
    items.forEach(function (data) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = new URL(data.url, location.href).href;
      link.textContent = data.meta.title;
      var excerpt = document.createElement("p");
      excerpt.textContent = data.meta.summary || "";
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) { list.textContent = ""; return; }
    load().then(function (engine) {
      return engine.search(indexTerms(query));
    }).then(function (found) {
      return Promise.all(found.results.slice(0, 10).map(function (r) { return r.data(); }));
    }).then(function (items) {
      if (ticket === latest) {
        show(items);
        list.setAttribute("data-query", query);  // which query the list answers
      }
    });
  }

  toggle.addEventListener("click", function () { open(panel.hidden); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) { open(false); toggle.focus(); }
  });
})();

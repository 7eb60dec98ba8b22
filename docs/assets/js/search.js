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

  var TONE_MARKS = /[\u0E48-\u0E4B]/g;
  var THAI_WORD = /^[\u0E00-\u0E7F]+$/;

  // Each Thai run the reader types is one key, matched as the start of indexed words, so
  // ท่องเที่ยว finds ท่องเที่ยว and นักท่องเที่ยว finds itself; words typed apart are all required.
  // `bare` drops tone marks (the index holds every Thai word without them too); `cut`
  // splits a run into words, for a phrase the index holds as separate words (หมอกควัน).
  function indexTerms(query, bare, cut) {
    var words = query.split(/\s+/).filter(Boolean);
    if (cut) {
      var segmenter = new Intl.Segmenter("th", { granularity: "word" });
      words = [].concat.apply([], words.map(function (word) {
        return Array.from(segmenter.segment(word)).filter(function (s) { return s.isWordLike; })
          .map(function (s) { return s.segment; });
      }));
    }
    return words.map(function (word) {
      if (!THAI_WORD.test(word)) return word;
      return thaiKey(bare ? word.replace(TONE_MARKS, "") : word);
    }).join(" ");
  }

  // The query as typed; if that finds nothing, without tone marks (a missing or misplaced
  // one). Then its Thai runs cut into words, for phrases the index holds as separate words
  // (ฝุ่นควัน is ฝุ่น + ควัน): those results follow.
  function find(engine, query) {
    var typed = indexTerms(query, false, false);
    var bare = indexTerms(query, true, false);
    var cut = window.Intl && Intl.Segmenter ? indexTerms(query, true, true) : bare;
    return engine.search(typed).then(function (found) {
      return found.results.length || bare === typed ? found : engine.search(bare);
    }).then(function (found) {
      if (cut === bare) return found.results;
      return engine.search(cut).then(function (more) {
        var seen = found.results.map(function (r) { return r.id; });
        return found.results.concat(more.results.filter(function (r) { return seen.indexOf(r.id) < 0; }));
      });
    });
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
      var kind = document.createElement("span");
      kind.className = "dp-search__kind";
      kind.textContent = data.meta.kind || "";
      var link = document.createElement("a");
      link.href = new URL(data.url, location.href).href;
      link.textContent = data.meta.title;
      item.appendChild(kind);
      item.appendChild(link);
      if (data.meta.value) {
        var value = document.createElement("p");
        value.className = "dp-search__value";
        value.textContent = data.meta.value;
        item.appendChild(value);
      }
      var excerpt = document.createElement("p");
      excerpt.textContent = data.meta.summary || "";
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) { list.textContent = ""; return; }
    load().then(function (engine) {
      return find(engine, query);
    }).then(function (results) {
      return Promise.all(results.slice(0, 10).map(function (r) { return r.data(); }));
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

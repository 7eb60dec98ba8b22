// Sorting a table by a column (the all-areas table: by name, value or change), for
// tables marked data-sortable. Without JavaScript the table is a plain table in its
// built order. Each sortable heading gets a button (keyboard and screen reader reach
// it); the heading says its order (aria-sort) and a status line announces the change.
// A column marked data-sort="number" sorts by the number its cells show, "text" by the
// text in the page's language.
(function () {
  "use strict";

  // A cell's sort key: its number ("16,627,131", "+4.2%"; null when empty) or its text.
  function key(row, column, numeric) {
    var text = row.cells[column].textContent.trim();
    if (!numeric) return text;
    var value = parseFloat(text.replace(/,/g, "").replace("\u2212", "-"));
    return isNaN(value) ? null : value;
  }

  function sort(table, column, numeric, descending) {
    var body = table.tBodies[0];
    var collator = new Intl.Collator(document.documentElement.lang);
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, column, numeric), y = key(b, column, numeric);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;  // no value: always last
      var order = typeof x === "number" ? x - y : collator.compare(x, y);
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function setUp(table) {
    if (table.getAttribute("data-ready")) return;
    table.setAttribute("data-ready", "true");
    var status = document.getElementById(table.getAttribute("data-status"));
    document.getElementById(table.getAttribute("data-hint")).hidden = false;
    var headings = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headings, function (heading, column) {
      if (!heading.hasAttribute("data-sort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "dp-sort";
      while (heading.firstChild) button.appendChild(heading.firstChild);
      heading.appendChild(button);
      button.addEventListener("click", function () {
        // A number column starts from the highest, a name from A (ก); a second press turns it.
        var current = heading.getAttribute("aria-sort");
        var descending = current ? current === "ascending" : heading.getAttribute("data-sort") === "number";
        sort(table, column, heading.getAttribute("data-sort") === "number", descending);
        Array.prototype.forEach.call(headings, function (h) { h.removeAttribute("aria-sort"); });
        heading.setAttribute("aria-sort", descending ? "descending" : "ascending");
        status.textContent = table.getAttribute(descending ? "data-sorted-down" : "data-sorted-up")
          .replace("{column}", button.textContent.trim());
      });
    });
  }

  function setUpAll() {
    document.querySelectorAll("table[data-sortable]").forEach(setUp);
  }

  if (window.document$) {
    window.document$.subscribe(setUpAll);
  } else {
    document.addEventListener("DOMContentLoaded", setUpAll);
  }
})();

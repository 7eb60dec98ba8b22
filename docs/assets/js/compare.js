// The comparison chart: the site's own area beside the areas the reader picks, as values
// or as change since a chosen year (for a province beside the whole country). The choice
// lives in the page's address (?areas=TH50~TH~TH57&view=relative&since=2019), as Our World
// in Data's grapher keeps it, so a copied link opens the same chart. The figure is made
// here from the indicator's compare.json (every area's values, fetched from the site) and
// drawn by charts.js; without JavaScript the table and map beside it have the numbers.
(function () {
  "use strict";

  // Okabe-Ito colours (charts.js lightens them in the dark scheme), each area also told
  // apart by its dash and marker.
  var OWN = { color: "#0072B2", dash: "solid", symbol: "circle", width: 4 };
  var AGGREGATE = { color: "#555555", dash: "dash", symbol: "square", width: 2.5 };
  var COLOURS = ["#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];
  var DASHES = ["dot", "dashdot", "longdash", "solid", "longdashdot"];
  var SYMBOLS = ["diamond", "triangle-up", "x", "cross", "star"];

  function style(data, code, n) {
    if (code === data.own) return OWN;
    if (data.aggregates.indexOf(code) >= 0) return AGGREGATE;
    return { color: COLOURS[n % 5], dash: DASHES[(n + Math.floor(n / 5)) % 5], symbol: SYMBOLS[n % 5], width: 2.5 };
  }

  // Plotly reads legend and hover text as markup: names and units from the data stay text.
  function plain(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function number(value, decimals) {
    return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }

  // The state in the address, or the page's default; unknown codes are left out.
  function readState(data) {
    var params = new URLSearchParams(window.location.search);
    var areas = (params.get("areas") || "").split("~").filter(function (code) { return code in data.values; });
    var since = parseInt(params.get("since"), 10);
    return {
      areas: areas.length ? areas : data.default.slice(),
      view: params.get("view") === "relative" || params.get("view") === "values" ? params.get("view") : data.view,
      since: data.years.indexOf(since) >= 0 ? since : data.since,
    };
  }

  // The choice as address parameters, in full.
  function choice(state) {
    var params = new URLSearchParams();
    params.set("areas", state.areas.join("~"));
    params.set("view", state.view);
    if (state.view === "relative") params.set("since", state.since);
    return params.toString().replace(/%7E/g, "~");
  }

  // The page's address keeps a choice other than the default; other parameters stay.
  function writeState(data, state) {
    var params = new URLSearchParams(window.location.search);
    var isDefault = state.areas.join("~") === data.default.join("~") && state.view === data.view && state.since === data.since;
    ["areas", "view", "since"].forEach(function (key) { params.delete(key); });
    var query = [params.toString(), isDefault ? "" : choice(state)].filter(Boolean).join("&");
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function figure(data, state, names) {
    var base = data.years.indexOf(state.since);
    var relative = state.view === "relative";
    var traces = [], left = [], others = 0;
    state.areas.forEach(function (code) {
      var values = data.values[code];
      var look = style(data, code, code === data.own || data.aggregates.indexOf(code) >= 0 ? 0 : others++);
      if (relative && !values[base]) { left.push(names[code]); return; }
      var y = values.map(function (v) {
        if (v === null) return null;
        return relative ? Math.round((v / values[base] - 1) * 1000) / 10 : v;
      });
      traces.push({
        type: "scatter", mode: "lines+markers", name: plain(names[code]), x: data.labels, y: y, connectgaps: false,
        line: { color: look.color, dash: look.dash, width: look.width },
        marker: { color: look.color, symbol: look.symbol, size: code === data.own ? 9 : 7 },
        customdata: y.map(function (v) {
          if (v === null) return null;
          return relative ? (v > 0 ? "+" : "") + number(v, 1) + "%" : number(v, data.decimals) + " " + plain(data.unit);
        }),
        hovertemplate: "%{fullData.name} · %{x}: %{customdata}<extra></extra>",
      });
    });
    var layout = JSON.parse(JSON.stringify(data.layout));
    layout.yaxis.title = { text: relative ? data.text.relative.replace("{year}", data.labels[base]) : plain(data.unit) };
    layout.yaxis.ticksuffix = relative ? "%" : "";
    layout.yaxis.rangemode = relative ? "normal" : "tozero";
    layout.height = 320 + 24 * Math.ceil(traces.length / 2);
    return { figure: { data: traces, layout: layout }, left: left };
  }

  function setUp(box) {
    if (box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "true");
    // An embed page shows the comparison instead of the indicator's chart only when its
    // address (the iframe's) carries a choice of areas.
    if (box.hasAttribute("data-embed") && !new URLSearchParams(window.location.search).get("areas")) return;
    fetch(new URL(box.getAttribute("data-source"), document.baseURI))
      .then(function (response) { return response.json(); })
      .then(function (data) { start(box, data); });
  }

  function start(box, data) {
    var chart = document.getElementById(box.getAttribute("data-chart"));
    var names = {};
    // One checkbox per area with values: the country, regions and groups, then every
    // province (an embed page has no controls: the address chose).
    var list = box.querySelector(".dp-compare__areas");
    data.areas.forEach(function (area) {
      names[area[0]] = area[1];
      if (!list) return;
      var item = document.createElement("li"), label = document.createElement("label"), input = document.createElement("input");
      input.type = "checkbox";
      input.value = area[0];
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + area[1]));  // text, never markup
      item.appendChild(label);
      list.appendChild(item);
    });
    var boxes = box.querySelectorAll("input[type=checkbox]");
    var views = box.querySelectorAll("input[type=radio]");
    var since = box.querySelector("select");
    var status = box.querySelector("[role=status]");
    var share = document.querySelector(".dp-share[data-chart='" + chart.id + "']");
    var page = share ? share.dataset.address.replace(/[?#].*$/, "") : "";
    var snippet = share && share.querySelector("textarea");
    var preview = share && share.querySelector(".dp-share__embed a");
    var state = readState(data);

    function show(announce) {
      var made = figure(data, state, names);
      boxes.forEach(function (input) { input.checked = state.areas.indexOf(input.value) >= 0; });
      views.forEach(function (input) { input.checked = input.value === state.view; });
      if (since) {
        since.value = String(state.since);
        since.disabled = state.view !== "relative";
      }
      var shown = state.areas.map(function (code) { return names[code]; }).join(", ");
      chart.setAttribute("aria-label", data.text.summary.replace("{areas}", shown));
      chart.setAttribute("data-figure", JSON.stringify(made.figure));
      window.dpCharts.draw(chart);
      if (share) share.dataset.address = page + window.location.search + "#" + box.id;
      // the embed snippet shows the same choice: the embed page reads it from its address
      if (preview) preview.search = "?" + choice(state);
      if (snippet) snippet.value = snippet.value.replace(/(src="[^"?]*)[^"]*"/, "$1?" + choice(state).replace(/&/g, "&amp;") + '"');
      if (announce) {
        status.textContent = data.text.showing.replace("{areas}", shown) +
          (made.left.length ? " " + data.text.left.replace("{areas}", made.left.join(", ")) : "");
      }
    }

    box.addEventListener("change", function (event) {
      var input = event.target;
      if (input.type === "checkbox") {
        state.areas = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(function (b) { return b.value; });
      } else if (input.type === "radio") {
        state.view = input.value;
      } else if (input === since) {
        state.since = parseInt(since.value, 10);
      }
      writeState(data, state);
      show(true);
    });
    box.hidden = false;
    if (box.hasAttribute("data-embed")) document.body.classList.add("dp-embed--compare");
    show(false);
    if (!list) return;
    box.querySelector("button[data-reset]").addEventListener("click", function () {
      state = { areas: data.default.slice(), view: data.view, since: data.since };
      writeState(data, state);
      show(true);
    });
  }

  function setUpAll() {
    document.querySelectorAll(".dp-compare[data-chart]").forEach(setUp);
  }

  if (window.document$) {
    window.document$.subscribe(setUpAll);
  } else {
    document.addEventListener("DOMContentLoaded", setUpAll);
  }
})();

// Draws every chart on the page from its data-figure JSON. plotly.js (1 MB) is fetched only
// by pages that have a chart, from the site itself (the Content-Security-Policy allows
// 'self' only). Subscribed to Material's document$ so charts draw again after instant
// navigation swaps the page in.
(function () {
  "use strict";

  // This file is assets/js/charts.js; plotly sits beside it in assets/vendor/.
  var PLOTLY = document.currentScript.src.replace(/js\/charts\.js(\?.*)?$/, "vendor/plotly-basic.min.js");
  // Okabe-Ito colours of charts.py, and lighter ones of the same family that keep 3:1 on
  // the dark (slate) background.
  var DARK = { "#0072B2": "#56B4E9", "#D55E00": "#FF8A4C", "#009E73": "#3CCB9F", "#555555": "#BBBBBB",
    "#CC79A7": "#E5A6CB", "#56B4E9": "#9AD3F5" };
  var loading = null;

  function withPlotly(callback) {
    if (window.Plotly) return callback();
    if (!loading) {
      loading = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = PLOTLY;
        script.onload = resolve;
        document.head.appendChild(script);
      });
    }
    loading.then(callback);
  }

  function themeColours() {
    var style = getComputedStyle(document.body);
    return {
      dark: document.body.getAttribute("data-md-color-scheme") === "slate",
      text: style.getPropertyValue("--md-default-fg-color").trim() || "#000",
      grid: style.getPropertyValue("--md-default-fg-color--lightest").trim() || "#ddd",
    };
  }

  // The figure's JSON with every known colour swapped for its dark-scheme partner.
  function recolour(json, dark) {
    if (!dark) return json;
    return json.replace(/"(#[0-9A-F]{6})"/g, function (match, colour) {
      return DARK[colour] ? '"' + DARK[colour] + '"' : match;
    });
  }

  function draw(element) {
    var colours = themeColours();
    var figure = JSON.parse(recolour(element.getAttribute("data-figure"), colours.dark));
    var layout = figure.layout || {};
    layout.font = Object.assign({}, layout.font, { color: colours.text });
    ["xaxis", "yaxis"].forEach(function (axis) {
      layout[axis] = Object.assign({}, layout[axis], { gridcolor: colours.grid, zerolinecolor: colours.grid });
    });
    // No toolbar: its buttons would sit inside the role="img" chart (axe: nested-interactive)
    // and one offers to upload the chart to Plotly's cloud. The table has every number.
    window.Plotly.react(element, figure.data, layout, {
      responsive: true, displayModeBar: false, locale: document.documentElement.lang,
    }).then(function () {
      return thinYears(element, layout.xaxis.tickvals, layout.xaxis.ticktext);
    }).then(function () {
      element.setAttribute("data-drawn", "true");
    });
  }

  // Year labels that would run together on a narrow screen ("2562256325642565"): keep every
  // other one, the last year always, until each label stands clear of the next.
  function thinYears(element, values, texts) {
    var boxes = Array.prototype.map.call(element.querySelectorAll(".xtick text"), function (label) {
      return label.getBoundingClientRect();
    });
    var crowded = boxes.some(function (box, k) {
      return k > 0 && box.width && boxes[k - 1].right + 4 > box.left;
    });
    if (!crowded || !values || values.length < 3) return Promise.resolve();
    var keep = function (v, k) { return (values.length - 1 - k) % 2 === 0; };
    var fewer = values.filter(keep);
    var fewerTexts = texts.filter(keep);
    return window.Plotly.relayout(element, { "xaxis.tickvals": fewer, "xaxis.ticktext": fewerTexts }).then(function () {
      return thinYears(element, fewer, fewerTexts);
    });
  }

  function drawAll() {
    var charts = document.querySelectorAll(".dp-chart[data-figure]");
    if (charts.length) withPlotly(function () { charts.forEach(draw); });
  }

  // compare.js makes its figure from the reader's choice and has it drawn here.
  window.dpCharts = { draw: function (element) { withPlotly(function () { draw(element); }); } };

  if (window.document$) {
    window.document$.subscribe(drawAll);
  } else {
    document.addEventListener("DOMContentLoaded", drawAll);
  }
  // Redraw when the window's width changes: year labels thinned for a phone come back on a wider screen.
  var width = window.innerWidth;
  var resizing = null;
  window.addEventListener("resize", function () {
    if (window.innerWidth === width) return;
    width = window.innerWidth;
    clearTimeout(resizing);
    resizing = setTimeout(drawAll, 300);
  });
  // Redraw in the new colours when the reader switches light/dark scheme.
  new MutationObserver(drawAll).observe(document.body, {
    attributes: true, attributeFilter: ["data-md-color-scheme"],
  });
})();

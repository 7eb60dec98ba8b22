// Draws every chart on the page from its data-figure JSON. Subscribed to Material's
// document$ so charts draw again after instant navigation swaps the page in.
(function () {
  "use strict";

  function themeColours() {
    var style = getComputedStyle(document.body);
    return {
      text: style.getPropertyValue("--md-default-fg-color").trim() || "#000",
      grid: style.getPropertyValue("--md-default-fg-color--lightest").trim() || "#ddd",
    };
  }

  function draw(element) {
    if (!window.Plotly) return;
    var figure = JSON.parse(element.getAttribute("data-figure"));
    var colours = themeColours();
    var layout = figure.layout || {};
    layout.font = Object.assign({}, layout.font, { color: colours.text });
    ["xaxis", "yaxis"].forEach(function (axis) {
      layout[axis] = Object.assign({}, layout[axis], { gridcolor: colours.grid, zerolinecolor: colours.grid });
    });
    // No toolbar: its buttons would sit inside the role="img" chart (axe: nested-interactive)
    // and one offers to upload the chart to Plotly's cloud. The table has every number.
    window.Plotly.react(element, figure.data, layout, {
      responsive: true, displayModeBar: false, locale: document.documentElement.lang,
    });
    element.setAttribute("data-drawn", "true");
  }

  function drawAll() {
    document.querySelectorAll(".dp-chart[data-figure]").forEach(draw);
  }

  if (window.document$) {
    window.document$.subscribe(drawAll);
  } else {
    document.addEventListener("DOMContentLoaded", drawAll);
  }
  // Redraw in the new colours when the reader switches light/dark scheme.
  new MutationObserver(drawAll).observe(document.body, {
    attributes: true, attributeFilter: ["data-md-color-scheme"],
  });
})();

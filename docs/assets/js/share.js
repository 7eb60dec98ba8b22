// Lets a chart leave the site with its source, as Our World in Data's grapher does: a PNG
// or SVG image with the title, unit, source and data date drawn in (not just the plot), a
// copy-link button (the page's stable address, at the chart) and a copy button for the
// embed snippet. Everything is made in the browser from the site's own files.
(function () {
  "use strict";

  var NS = "http://www.w3.org/2000/svg";
  var WIDTH = 1000, HEIGHT = 620, SCALE = 2;  // the PNG is WIDTH*SCALE x HEIGHT*SCALE pixels
  var INK = "#1a1a1a", MUTED = "#555555", GRID = "#dddddd";
  var FONT = "'Noto Sans Thai', 'Noto Sans', sans-serif";
  var fontBase = new URL("../fonts/", document.currentScript.src).href;
  var fontFaces = null;

  // The site's Thai font goes inside the image: an SVG drawn as an image (and an SVG
  // opened on another computer) cannot use the page's fonts, and Thai needs this one.
  function embeddedFonts() {
    if (!fontFaces) {
      var faces = [["latin", 400, ""], ["latin", 700, ""],
        ["thai", 400, "unicode-range:U+0E01-0E5B,U+200C-200D,U+25CC;"], ["thai", 700, "unicode-range:U+0E01-0E5B,U+200C-200D,U+25CC;"]];
      fontFaces = Promise.all(faces.map(function (face) {
        return fetch(fontBase + "noto-sans-thai-" + face[0] + "-" + face[1] + "-normal.woff2")
          .then(function (response) { return response.arrayBuffer(); })
          .then(function (buffer) {
            var bytes = new Uint8Array(buffer), text = "";
            for (var i = 0; i < bytes.length; i += 8192) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
            return "@font-face{font-family:'Noto Sans Thai';font-weight:" + face[1] + ";" + face[2] +
              "src:url(data:font/woff2;base64," + btoa(text) + ") format('woff2')}";
          });
      })).then(function (rules) { return rules.join(""); });
    }
    return fontFaces;
  }

  // Lines no wider than width, broken between words (Thai has no spaces between words).
  function wrap(text, font, width) {
    var context = document.createElement("canvas").getContext("2d");
    context.font = font;
    var words = [];
    var segments = window.Intl && Intl.Segmenter
      ? Array.from(new Intl.Segmenter(document.documentElement.lang, { granularity: "word" }).segment(text))
      : text.split(/(\s+)/).map(function (part) { return { segment: part, isWordLike: /\S/.test(part) }; });
    // Punctuation stays with its word: never "(" at a line's end or ")" at the next one's start.
    segments.forEach(function (s) {
      var last = words[words.length - 1];
      var glued = last !== undefined && !/\s$/.test(last) &&
        ((!s.isWordLike && !/^\s/.test(s.segment)) || /[(\[“‘"']$/.test(last));
      if (glued) words[words.length - 1] += s.segment;
      else words.push(s.segment);
    });
    var lines = [], line = "";
    words.forEach(function (word) {
      if (line && context.measureText(line + word).width > width) {
        lines.push(line.trim());
        line = word.trimStart();
      } else {
        line += word;
      }
    });
    if (line.trim()) lines.push(line.trim());
    return lines;
  }

  function textElement(x, y, text, size, weight, colour) {
    var element = document.createElementNS(NS, "text");
    element.setAttribute("x", x);
    element.setAttribute("y", y);
    element.setAttribute("font-size", size);
    element.setAttribute("font-weight", weight);
    element.setAttribute("fill", colour);
    element.textContent = text;  // text, never markup
    return element;
  }

  // The chart as a light-coloured figure for print and other pages, whatever the scheme.
  function plainFigure(chart, height) {
    var figure = JSON.parse(chart.getAttribute("data-figure"));
    var layout = figure.layout || {};
    layout.font = Object.assign({}, layout.font, { color: INK });
    layout.paper_bgcolor = layout.plot_bgcolor = "#ffffff";
    ["xaxis", "yaxis"].forEach(function (axis) {
      layout[axis] = Object.assign({}, layout[axis], { gridcolor: GRID, zerolinecolor: GRID });
    });
    layout.margin = Object.assign({}, layout.margin, { l: 80, r: 40 });  // the text's left edge, some air at the right
    layout.width = WIDTH;
    layout.height = height;
    return { data: figure.data, layout: layout };
  }

  // The whole image as SVG text: title and unit above the chart, source, data date and
  // the page's address below it.
  function svg(share) {
    var data = share.dataset;
    var title = wrap(data.title, "700 26px " + FONT, WIDTH - 80);
    var source = wrap(data.source, "15px " + FONT, WIDTH - 80);
    var header = 24 + 36 * title.length + 30;
    var footer = 24 * (source.length + 1) + 24;
    var chart = document.getElementById(data.chart);
    return Promise.all([
      window.Plotly.toImage(plainFigure(chart, HEIGHT - header - footer), { format: "svg", width: WIDTH, height: HEIGHT - header - footer }),
      embeddedFonts(),
    ]).then(function (results) {
      var plot = new DOMParser().parseFromString(decodeURIComponent(results[0].replace(/^data:image\/svg\+xml,/, "")), "image/svg+xml").documentElement;
      var image = document.createElementNS(NS, "svg");
      image.setAttribute("width", WIDTH);
      image.setAttribute("height", HEIGHT);
      image.setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
      image.setAttribute("font-family", FONT);
      var style = document.createElementNS(NS, "style");
      style.textContent = results[1];
      image.appendChild(style);
      var paper = document.createElementNS(NS, "rect");
      paper.setAttribute("width", WIDTH);
      paper.setAttribute("height", HEIGHT);
      paper.setAttribute("fill", "#ffffff");
      image.appendChild(paper);
      title.forEach(function (line, n) { image.appendChild(textElement(40, 50 + 36 * n, line, 26, 700, INK)); });
      image.appendChild(textElement(40, header - 14, data.unit, 16, 400, MUTED));
      plot.setAttribute("x", 0);
      plot.setAttribute("y", header);
      image.appendChild(document.importNode(plot, true));
      var y = HEIGHT - footer + 20;
      source.forEach(function (line, n) { image.appendChild(textElement(40, y + 24 * n, line, 15, 400, INK)); });
      var address = data.address.replace(/^https?:\/\//, "");
      image.appendChild(textElement(40, y + 24 * source.length, data.date + " · " + address, 15, 400, MUTED));
      return new XMLSerializer().serializeToString(image);
    });
  }

  // A data: URL of the image (tests read it; the buttons download it).
  function image(share, format) {
    return svg(share).then(function (text) {
      var url = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
      if (format === "svg") return url;
      return new Promise(function (resolve, reject) {
        var picture = new Image();
        picture.onload = function () {
          var canvas = document.createElement("canvas");
          canvas.width = WIDTH * SCALE;
          canvas.height = HEIGHT * SCALE;
          canvas.getContext("2d").drawImage(picture, 0, 0, canvas.width, canvas.height);
          resolve(canvas.toDataURL("image/png"));
        };
        picture.onerror = reject;
        picture.src = url;
      });
    });
  }

  function download(share, format) {
    return image(share, format).then(function (url) {
      var link = document.createElement("a");
      link.href = url;
      link.download = share.dataset.file + "." + format;
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  }

  function copy(share, text) {
    var status = share.querySelector(".dp-share__status");
    var done = function () { status.textContent = share.dataset.copied; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(done, function () { status.textContent = text; });
    }
    status.textContent = text;  // no clipboard (an old browser, or not https): show it to copy by hand
    return Promise.resolve();
  }

  function setUp(share) {
    if (share.getAttribute("data-ready")) return;
    share.setAttribute("data-ready", "true");
    share.querySelectorAll("[hidden]").forEach(function (element) { element.hidden = false; });
    share.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-share]");
      if (!button) return;
      var action = button.getAttribute("data-share");
      if (action === "png" || action === "svg") download(share, action);
      if (action === "link") copy(share, share.dataset.address);
      if (action === "code") copy(share, share.querySelector("textarea").value);
    });
  }

  function setUpAll() {
    document.querySelectorAll(".dp-share").forEach(setUp);
  }

  window.dpShare = { image: image, size: { width: WIDTH * SCALE, height: HEIGHT * SCALE } };
  if (window.document$) {
    window.document$.subscribe(setUpAll);
  } else {
    document.addEventListener("DOMContentLoaded", setUpAll);
  }
})();

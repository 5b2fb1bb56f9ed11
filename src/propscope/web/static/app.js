// Reading controls for an analysed article (web page and HTML report alike):
// - click (or Enter or Space on) a highlight: its whole text, techniques, definitions and confidences in #span-details;
// - per-technique toggles and a confidence slider hide highlights without reloading the page.
// The server renders the default view (least confident spans hidden), so the page reads without this script.
// The analyse form: the model reads a long article for tens of seconds on a CPU, and the button looked dead
// meanwhile (a second click sent the article again). Say it is working; a page come back to is usable again.
(function () {
  "use strict";
  var form = document.querySelector("form.analyze");
  if (!form) return;
  var button = form.querySelector("button[type=submit]");
  var status = document.getElementById("analyze-status");
  var label = button ? button.textContent : "";
  form.addEventListener("submit", function () {
    if (button) { button.disabled = true; button.textContent = "Analysing\u2026"; }
    if (status) status.textContent = "Analysing\u2026 A long article can take a minute; its page opens when it is ready.";
  });
  window.addEventListener("pageshow", function () {  // back from the result (the browser kept this page as it was)
    if (button) { button.disabled = false; button.textContent = label; }
    if (status) status.textContent = "";
  });
})();

(function () {
  "use strict";
  var data = document.getElementById("technique-data");
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.span"));
  if (!data || !marks.length) return;
  var byName = {};
  JSON.parse(data.textContent).forEach(function (t) { byName[t.name] = t; });
  var panel = document.getElementById("span-details");
  var slider = document.getElementById("min-score");
  var sliderValue = document.getElementById("min-score-value");
  var shownCount = document.getElementById("shown-count");
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".toggle input[type=checkbox]"));
  marks.forEach(function (m) {
    m._spans = JSON.parse(m.getAttribute("data-spans") || "[]");
    m._text = ownText(m);  // read once: every slider move relabels every highlight
  });

  function visibleSpans(spans, min, on) {
    return spans.filter(function (s) { return on[s.t] !== false && s.s >= min; });
  }

  function update() {
    var min = slider ? Number(slider.value) / 100 : 0;
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var seen = {}, shown = 0, total = 0, labelsOff = 0;
    marks.forEach(function (m) {
      var vis = visibleSpans(m._spans, min, on);
      m.classList.toggle("off", !vis.length);
      if (vis.length) {
        m.setAttribute("data-t", vis[0].t);
        m.setAttribute("tabindex", "0");
        // reached with Tab, a highlight is a button that says its techniques, not only its words
        m.setAttribute("role", "button");
        m.setAttribute("aria-label", vis.map(function (s) {
          return (byName[s.t] || {display: s.t}).display + " " + Math.round(s.s * 100) + "%";
        }).join(", ") + ": " + m._text);
      } else {
        ["tabindex", "role", "aria-label"].forEach(function (a) { m.removeAttribute(a); });
        m.classList.remove("active");
      }
      Array.prototype.forEach.call(m.children, function (c) {
        if (c.classList.contains("lbl")) {
          var t = c.getAttribute("data-t");
          c.classList.toggle("off", !vis.some(function (s) { return s.t === t; }));
        }
      });
      var key = (m.closest("section") ? m.closest("section").id || "" : "") + "/" + m.getAttribute("data-id");
      if (!seen[key]) {  // a passage cut in pieces counts once; a passage with any technique showing is shown
        seen[key] = true;
        total += 1;
        if (vis.length) shown += 1;
        labelsOff += m._spans.length - vis.length;  // techniques hidden, on passages that show too
      }
    });
    if (sliderValue) sliderValue.textContent = Math.round(min * 100) + "%";
    if (shownCount) shownCount.textContent = shown + " of " + total.toLocaleString("en") +
      (total === 1 ? " highlighted passage" : " highlighted passages") + " shown" +
      (shown < total ? "; the others are hidden" :
        labelsOff ? "; " + labelsOff + (labelsOff === 1 ? " technique label" : " technique labels") + " hidden" : "") +
      ".";
  }

  function ownText(mark) {
    // This piece's words, without the technique labels drawn inside it.
    var copy = mark.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".lbl"), function (l) { l.remove(); });
    return copy.textContent;
  }

  function quoteOf(mark) {
    // Every piece of the same span (a span crossing another is cut in two), without the labels.
    var scope = mark.closest("section") || document;
    var pieces = scope.querySelectorAll('mark.span[data-id="' + mark.getAttribute("data-id") + '"]');
    return Array.prototype.map.call(pieces, function (p) { return p._text; }).join("");
  }

  function show(mark) {
    marks.forEach(function (m) { m.classList.remove("active"); });
    mark.classList.add("active");
    if (!panel) return;
    panel.textContent = "";
    // On a narrow screen the panel is below the whole article: style.css lifts it over the text's foot
    // while "open" (a tap seemed to do nothing), and this button, hidden elsewhere, puts it back.
    var close = document.createElement("button");
    close.type = "button";
    close.className = "close-details";
    close.textContent = "Close";
    close.addEventListener("click", function () { hide(mark); });
    panel.appendChild(close);
    panel.classList.add("open");
    var quote = document.createElement("blockquote");
    quote.textContent = "\u201c" + quoteOf(mark) + "\u201d";
    panel.appendChild(quote);
    mark._spans.forEach(function (s) {
      var t = byName[s.t] || {display: s.t, definition: ""};
      var h = document.createElement("h3");
      h.textContent = t.display + " \u00b7 confidence " + Math.round(s.s * 100) + "%";
      var p = document.createElement("p");
      p.textContent = t.definition;
      panel.appendChild(h);
      panel.appendChild(p);
    });
    var note = document.createElement("p");
    note.className = "hint";
    note.textContent = "A confidence is the estimated chance that annotators would mark this technique here " +
      "(a calibrated probability): evidence to check, not a verdict.";
    panel.appendChild(note);
  }

  function hide(mark) {
    panel.classList.remove("open");
    if (mark.getAttribute("tabindex") !== null) mark.focus();  // back where the reader was
  }

  function target(el) {
    // The innermost highlight that is showing: a hidden inner span hands the click to its outer one.
    var m = el.closest ? el.closest("mark.span") : null;
    while (m && m.classList.contains("off")) m = m.parentElement ? m.parentElement.closest("mark.span") : null;
    return m;
  }

  document.addEventListener("click", function (e) { var m = target(e.target); if (m) show(m); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && panel && panel.classList.contains("open")) {
      var active = document.querySelector("mark.span.active");
      if (active) hide(active); else panel.classList.remove("open");
      return;
    }
    // Enter or Space, as on a button; Space would otherwise scroll the page
    if ((e.key === "Enter" || e.key === " ") && e.target.matches && e.target.matches("mark.span")) {
      e.preventDefault();
      show(e.target);
    }
  });
  if (slider) slider.addEventListener("input", update);
  boxes.forEach(function (b) { b.addEventListener("change", update); });
  update();
})();

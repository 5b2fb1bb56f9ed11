// Article page: show a highlighted passage's techniques, definitions and confidence on click or hover.
(function () {
  var data = document.getElementById("technique-data");
  var panel = document.getElementById("span-details");
  if (!data || !panel) return;
  var byName = {};
  JSON.parse(data.textContent).forEach(function (t) { byName[t.name] = t; });
  function show(mark) {
    document.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
    mark.classList.add("active");
    panel.textContent = "";
    var quote = document.createElement("blockquote");
    quote.textContent = "“" + mark.textContent + "”";
    panel.appendChild(quote);
    (mark.getAttribute("title") || "").split("; ").forEach(function (entry) {
      var m = entry.match(/^(.*) \((\d+%)\)$/);
      if (!m) return;
      var t = Object.values(byName).find(function (x) { return x.display === m[1]; }) || {display: m[1], definition: ""};
      var h = document.createElement("h3");
      h.textContent = t.display + " · confidence " + m[2];
      var p = document.createElement("p");
      p.textContent = t.definition;
      panel.appendChild(h);
      panel.appendChild(p);
    });
  }
  document.querySelectorAll(".reading mark").forEach(function (mark) {
    mark.setAttribute("tabindex", "0");
    mark.addEventListener("click", function () { show(mark); });
    mark.addEventListener("mouseenter", function () { show(mark); });
    mark.addEventListener("keydown", function (e) { if (e.key === "Enter") show(mark); });
  });
})();

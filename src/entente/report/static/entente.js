// Draws entente's charts: every element with data-figure="ID" gets the plotly figure
// stored as JSON in the <script type="application/json" id="ID"> element. Charts whose
// element has data-links="1" open the address a clicked point carries (same site only).
(function () {
  "use strict";

  function sameSitePath(value) {
    // Only paths of this site ("/actor/RUS"), never another origin or a scheme.
    return typeof value === "string" && value.charAt(0) === "/" && value.charAt(1) !== "/" &&
      value.indexOf("\\") === -1;
  }

  function draw(element) {
    var source = document.getElementById(element.getAttribute("data-figure"));
    if (!source || typeof Plotly === "undefined") {
      return;
    }
    var spec = JSON.parse(source.textContent);
    Plotly.newPlot(element, spec.data, spec.layout, {
      responsive: true,
      displaylogo: false,
      modeBarButtonsToRemove: ["sendDataToCloud"]
    }).then(function () {
      element.setAttribute("data-rendered", "1");
    });
    if (element.getAttribute("data-links") === "1") {
      element.on("plotly_click", function (event) {
        var point = event && event.points && event.points[0];
        if (point && sameSitePath(point.customdata)) {
          window.location.assign(point.customdata);
        }
      });
    }
  }

  function start() {
    var elements = document.querySelectorAll("[data-figure]");
    for (var i = 0; i < elements.length; i++) {
      draw(elements[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

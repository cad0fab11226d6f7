// Draws the statistics page's charts with ECharts from each [data-chart] element's data (no inline script: CSP).
(function () {
  if (typeof echarts === "undefined") { return; }
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var data;
    try { data = JSON.parse(el.getAttribute("data-chart-data") || "{}"); } catch (e) { return; }
    if (!data.labels || data.labels.length === 0) { return; }
    var line = el.getAttribute("data-chart") === "line";
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      grid: { left: 48, right: 16, top: 16, bottom: line ? 32 : 64, containLabel: true },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: data.labels, axisLabel: { rotate: line ? 0 : 30 } },
      yAxis: { type: "value" },
      series: [{ type: line ? "line" : "bar", data: data.values, smooth: line }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();

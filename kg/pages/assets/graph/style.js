/* How the graph looks: node shapes by kind, edge styles, the order of the filter rows,
 * and the small SVG swatches the legend and the panel show.
 * Part of the graph page's script: kg/pages/scripts.py inlines common.js and then the
 * graph/ parts in order, all in one function scope. */
var FONT = getComputedStyle(document.documentElement).getPropertyValue("--font").trim() || "sans-serif";
var KIND_STYLE = {
  person: { shape: "dot", color: KIND_COLOR.person },
  organization: { shape: "square", color: KIND_COLOR.organization },
  place: { shape: "triangle", color: KIND_COLOR.place },
  event: { shape: "diamond", color: KIND_COLOR.event }
};
var EDGE_STYLE = {
  role: { color: "#98a3ae", dashes: false },
  place: { color: "#7fbf8f", dashes: [6, 4] },
  affiliation: { color: "#b39ad6", dashes: [2, 3] }
};
var KIND_ORDER = ["person", "organization", "place", "event"];
var TYPE_ORDER = ["Meeting", "Visit", "Call", "Agreement", "Statement"];

// A legend mark: a node shape in its colour (dashed border: planned), or an edge line.
function swatch(shape, color, dashed) {
  var ns = SVGNS;
  var svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("class", "swatch");
  svg.setAttribute("aria-hidden", "true");
  var s;
  if (shape === "dot") {
    s = document.createElementNS(ns, "circle");
    s.setAttribute("cx", "8"); s.setAttribute("cy", "8"); s.setAttribute("r", "6");
  } else if (shape === "square") {
    s = document.createElementNS(ns, "rect");
    s.setAttribute("x", "2"); s.setAttribute("y", "2"); s.setAttribute("width", "12"); s.setAttribute("height", "12");
  } else if (shape === "line") {
    s = document.createElementNS(ns, "line");
    s.setAttribute("x1", "1"); s.setAttribute("y1", "8"); s.setAttribute("x2", "15"); s.setAttribute("y2", "8");
    s.setAttribute("stroke", color); s.setAttribute("stroke-width", "2");
    if (dashed) s.setAttribute("stroke-dasharray", dashed);
    svg.appendChild(s);
    return svg;
  } else {
    s = document.createElementNS(ns, "polygon");
    s.setAttribute("points", shape === "triangle" ? "8,2 14.5,14 1.5,14" : "8,1 15,8 8,15 1,8");
  }
  s.setAttribute("fill", color);
  if (dashed) {
    s.setAttribute("stroke", "#333"); s.setAttribute("stroke-width", "1.5"); s.setAttribute("stroke-dasharray", "2,2");
  }
  svg.appendChild(s);
  return svg;
}

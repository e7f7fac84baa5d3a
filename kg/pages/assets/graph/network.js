/* The drawing: vis-network nodes and edges made from the data, the network's options
 * (a laid-out graph is drawn as placed; otherwise physics runs once, then stops), and the
 * page's ready signal (data-ready on <html>, window.hadath.ready) for tests and screenshots.
 * Part of the graph page's script: kg/pages/scripts.py inlines common.js and then the
 * graph/ parts in order, all in one function scope. */
function plainTitle(n) {
  var parts = [n.label, n.kind === "event" ? S.event_types[n.type] || n.type : S.kinds[n.kind]];
  if (n.kind === "event" && n.time && n.time.value) parts.push(n.time.value);
  return parts.join(" · ");  // a string: vis-network shows it with innerText
}

function visNode(i) {
  var n = NODES[i];
  var color = nodeColor(n);
  var planned = n.kind === "event" && n.status === "planned";
  var v = {
    id: i,
    label: n.label,
    title: plainTitle(n),
    shape: KIND_STYLE[n.kind].shape,
    value: Math.max(1, n.weight || 1),
    color: {
      background: color,
      border: planned ? "#222" : color,
      highlight: { background: color, border: "#111" },
      hover: { background: color, border: "#111" }
    },
    borderWidth: planned ? 2 : 1,
    shapeProperties: { borderDashes: planned ? [4, 3] : false },
    hidden: hidden[i]
  };
  if (typeof n.x === "number") { v.x = n.x; v.y = n.y; }
  return v;
}

function visEdge(i) {
  var e = EDGES[i];
  var st = EDGE_STYLE[e.kind];
  var v = {
    id: i,
    from: e.from,
    to: e.to,
    color: { color: st.color, highlight: "#34495e", hover: "#34495e", inherit: false },
    dashes: st.dashes,
    hidden: hidden[e.from] || hidden[e.to]
  };
  if (e.kind === "role") v.label = rolesText(e.roles);
  if (e.kind === "affiliation") v.arrows = { to: { enabled: true, scaleFactor: 0.5 } };
  return v;
}

var initialNodes = [];
var initialEdges = [];
NODES.forEach(function (n, i) { if (drawn[i]) initialNodes.push(visNode(i)); });
EDGES.forEach(function (e, i) { if (drawn[e.from] && drawn[e.to]) initialEdges.push(visEdge(i)); });
var nodeSet = new vis.DataSet(initialNodes);
var edgeSet = new vis.DataSet(initialEdges);
var positioned = initialNodes.length > 0 && initialNodes.every(function (v) { return typeof v.x === "number"; });

var options = {
  autoResize: true,
  nodes: {
    font: { face: FONT, size: 14, color: "#1d2330", strokeWidth: 3, strokeColor: "#ffffff" },
    scaling: { min: 9, max: 20, label: { enabled: true, min: 12, max: 20, drawThreshold: 7 } }
  },
  edges: {
    width: 1,
    selectionWidth: 1.5,
    smooth: false,  // straight edges: much cheaper to draw on big graphs
    font: { face: FONT, size: 11, color: "#4a5560", strokeWidth: 3, strokeColor: "#ffffff", align: "horizontal" }
  },
  layout: { improvedLayout: false, randomSeed: 7 },
  interaction: {
    hover: true,
    tooltipDelay: 300,
    hideEdgesOnDrag: BIG,
    hideEdgesOnZoom: BIG,
    keyboard: false
  },
  physics: positioned ? false : {
    solver: "forceAtlas2Based",
    forceAtlas2Based: { gravitationalConstant: -60, springLength: 90, avoidOverlap: 0.3 },
    stabilization: { enabled: true, iterations: BIG ? 150 : 300, updateInterval: 25, fit: true }
  }
};

var container = document.getElementById("graph");
var started = performance.now();
var network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, options);
var state = { network: network, nodes: nodeSet, edges: edgeSet, data: DATA, normalize: normalize, ready: false };
window.hadath = state;

var loading = document.getElementById("loading");
if (!positioned) {
  loading.hidden = false;
  network.on("stabilizationProgress", function (p) {
    loading.textContent = Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    // Freeze: a settled graph must not keep burning CPU or drift under the reader.
    network.setOptions({ physics: false });
    loading.hidden = true;
  });
} else {
  network.fit({ animation: false });
}
network.once("afterDrawing", function () {
  state.firstDrawMs = performance.now();  // since navigation start: parse + setup + draw
  state.setupMs = performance.now() - started;
  state.ready = true;
  document.documentElement.setAttribute("data-ready", "1");
});

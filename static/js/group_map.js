// The group directory map: an enhancement of the list, built when Leaflet loads.
(function () {
  "use strict";
  var container = document.getElementById("group-map");
  var data = document.getElementById("group-map-data");
  if (!container || !data || !window.L) { return; }
  var points = JSON.parse(data.textContent);
  container.hidden = false;
  container.style.blockSize = "24rem";
  container.style.background = "#e8eef0";
  var map = L.map(container, { scrollWheelZoom: false });
  if (container.dataset.tiles) {
    L.tileLayer(container.dataset.tiles, {
      attribution: container.dataset.attribution || "",
      maxZoom: 18
    }).addTo(map);
  }
  var bounds = [];
  points.forEach(function (point) {
    var marker = L.circleMarker([point.lat, point.lon], {
      radius: 7, color: "#1b1b1b", weight: 1, fillColor: "#1d5c63", fillOpacity: 0.9
    }).addTo(map);
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = point.name;
    var popup = document.createElement("div");
    popup.appendChild(link);
    popup.appendChild(document.createElement("br"));
    popup.appendChild(document.createTextNode(point.stage));
    marker.bindPopup(popup);
    bounds.push([point.lat, point.lon]);
  });
  if (bounds.length === 1) {
    map.setView(bounds[0], 9);
  } else {
    map.fitBounds(bounds, { padding: [20, 20] });
  }
})();

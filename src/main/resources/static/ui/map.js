// Draws the regions named in #map[data-regions] on an offline map: no tiles, the countries are the backdrop.
(function () {
  var element = document.getElementById('map');
  if (!element || !window.L) { return; }
  var codes = element.getAttribute('data-regions');
  if (!codes) { return; }
  var map = L.map(element, { attributionControl: true, zoomSnap: 0.25 }).setView([50, 10], 3);
  map.attributionControl.setPrefix(false).addAttribution('© EuroGeographics for the administrative boundaries');
  function get(url) {
    return fetch(url, { headers: { 'Accept': 'application/geo+json' } })
      .then(function (r) { return r.ok ? r.json() : null; });
  }
  get('/api/geo/countries').then(function (countries) {
    if (countries) {
      L.geoJSON(countries, { interactive: false,
        style: { color: '#9aa5b1', weight: 1, fillColor: '#eef1f4', fillOpacity: 1 } }).addTo(map);
    }
    return get('/api/geo/nuts/' + encodeURIComponent(codes).replace(/%2C/g, ','));
  }).then(function (regions) {
    if (!regions) { element.setAttribute('data-state', 'no-boundary'); return; }
    var layer = L.geoJSON(regions, {
      style: { color: '#b3261e', weight: 2, fillColor: '#e8705f', fillOpacity: 0.45 },
      onEachFeature: function (feature, shape) {
        var p = feature.properties || {};
        var name = document.createElement('span');
        name.textContent = (p.NUTS_ID || '') + ' ' + (p.NAME_LATN || '');
        shape.bindTooltip(name);
      }
    }).addTo(map);
    map.fitBounds(layer.getBounds(), { maxZoom: 8, padding: [10, 10] });
    element.setAttribute('data-state', 'drawn');
  }).catch(function () { element.setAttribute('data-state', 'failed'); });
})();

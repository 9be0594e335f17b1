#!/usr/bin/env python3
"""Check the Zhaoqing Explorer dataset (assets/data, assets/articles). Standard library only.

Usage: python3 scripts/check_data.py [--places PATH_TO_places.md] [--allow-missing-places]

Checks ids, quotes against the article texts, printed numbers, allowed enum values, the links
between figures, projects, counties and articles, and that every project/seat coordinate equals a
row of places.md (or the ZQGX midpoint of the Hi-tech Zone's published bounds). Prints a summary
and exits 1 on any problem.
"""
import argparse
import collections
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "assets", "data")
ARTICLES = os.path.join(ROOT, "assets", "articles")
DEFAULT_PLACES = "/work/shared/reference/places.md"

BOUNDS = {"exact", "at_least", "at_most", "approx"}
KINDS = {"investment", "output", "count", "growth", "target", "other"}
ADCODES = {"441202", "441203", "441204", "441223", "441224", "441225", "441226", "441284"}
SCOPES = ADCODES | {"city"}
INDUSTRIES = {"nev", "battery", "electronics", "food", "agriculture", "tourism", "ecology", "energy",
              "materials", "machinery", "commerce", "industrial_park"}
PRECISIONS = {"site", "area", "town", "county"}
FIGURE_KEYS = ["id", "value", "unit", "printed", "bound", "kind", "planned", "each", "scope", "project", "period",
               "subject_zh", "subject_en", "source", "note"]
PROJECT_KEYS = ["id", "name_zh", "name_en", "county", "industry", "figures", "articles", "precision",
                "coord_source", "location_zh", "location_en", "location_note"]
ARTICLE_KEYS = ["id", "headline_zh", "headline_en", "outlet_zh", "outlet_en", "authors", "date", "date_note", "date_not_before",
                "summary_en", "note"]
ZQGX_MID = (112.825, 23.325)
PERIOD_RE = re.compile(r"^\d{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2])|-\d{4})?$")
ID_RE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")
# Chinese numerals accepted when a value is written in words (两个, 三大, 超百亿级, 首位 …)
CN = {1: "一首", 2: "两二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十",
      100: "百", 1000: "千"}

problems = []


def problem(msg):
    problems.append(msg)


def nows(s):
    return re.sub(r"\s+", "", s)


def load(name):
    path = os.path.join(DATA, name)
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as e:
        problem("cannot load %s: %s" % (path, e))
        return None


def fmt_number(v):
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return repr(v) if isinstance(v, float) else str(v)


def number_in(text, s):
    """s appears in text as a whole number (not part of a longer number)."""
    return re.search(r"(?<![0-9.])" + re.escape(s) + r"(?![0-9]|\.[0-9])", text) is not None


def value_printed_ok(value, unit, printed):
    s = fmt_number(value)
    if s is None:
        return False
    if number_in(printed, s):
        return True
    iv = int(value) if float(value).is_integer() else None
    if iv in CN and any(c in printed for c in CN[iv]):
        return True
    # 超亿元 / 亿级: 亿 alone stands for 1 亿
    if iv == 1 and unit.startswith("亿") and "亿" in printed and not re.search(r"[0-9一二两三四五六七八九十百千]亿", printed):
        return True
    return False


def parse_places(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 7 and re.match(r"^\d+\.\d+$", cells[2]) and re.match(r"^\d+\.\d+$", cells[3]):
                key = cells[6].split()[0] if cells[6] else ""
                rows.append(dict(name=cells[0], lon=float(cells[2]), lat=float(cells[3]), lon_s=cells[2],
                                 lat_s=cells[3], county=cells[5], source=key))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--places", default=os.environ.get("PLACES_MD", DEFAULT_PLACES))
    ap.add_argument("--allow-missing-places", action="store_true")
    args = ap.parse_args()

    # ---------------------------------------------------------------- articles
    texts = {}
    if os.path.isdir(ARTICLES):
        for f in sorted(os.listdir(ARTICLES)):
            if f.endswith(".txt"):
                with open(os.path.join(ARTICLES, f), encoding="utf-8") as fh:
                    texts[f[:-4]] = fh.read()
    else:
        problem("missing %s" % ARTICLES)
    texts_nows = {k: nows(v) for k, v in texts.items()}

    arts = load("articles.json")
    figs = load("figures.json")
    geo = load("projects.geojson")
    cnty = load("counties.json")
    if None in (arts, figs, geo, cnty):
        report({}, [], [], [])
        return 1

    art_list = arts.get("articles", [])
    art_ids = [a.get("id") for a in art_list]
    if len(set(art_ids)) != len(art_ids):
        problem("duplicate article ids")
    if art_ids != sorted(texts):
        problem("articles.json ids %s differ from assets/articles files %s (file order expected)" % (art_ids, sorted(texts)))
    for a in art_list:
        if list(a.keys())[:len(ARTICLE_KEYS)] != ARTICLE_KEYS:
            problem("article %s: keys %s, expected %s" % (a.get("id"), list(a.keys()), ARTICLE_KEYS))
        d = a.get("date")
        if d is None:
            if not a.get("date_note"):
                problem("article %s: date null but no date_note" % a.get("id"))
        else:
            if not re.match(r"^\d{4}-\d{2}-\d{2}$", d):
                problem("article %s: bad date %r" % (a.get("id"), d))
            elif a.get("id") in texts and d not in texts[a["id"]]:
                problem("article %s: date %s is not printed in the text" % (a["id"], d))
        if a.get("outlet_zh") is None and not a.get("note"):
            problem("article %s: outlet null but no note" % a.get("id"))
        if a.get("id") in texts:
            hz = a.get("headline_zh") or ""
            if nows(hz) not in texts_nows[a["id"]]:
                problem("article %s: headline_zh not found in text" % a["id"])
            for au in a.get("authors", []):
                if au not in texts[a["id"]]:
                    problem("article %s: author %s not in text" % (a["id"], au))

    # ---------------------------------------------------------------- figures
    fig_list = figs.get("figures", [])
    fig_by_id = {}
    for f in fig_list:
        fid = f.get("id")
        if fid in fig_by_id:
            problem("duplicate figure id %s" % fid)
        fig_by_id[fid] = f
        if list(f.keys()) != FIGURE_KEYS:
            problem("figure %s: keys %s, expected %s" % (fid, list(f.keys()), FIGURE_KEYS))
        if not isinstance(fid, str) or not ID_RE.match(fid):
            problem("figure %r: id not snake_case" % fid)
        if f.get("bound") not in BOUNDS:
            problem("figure %s: bad bound %r" % (fid, f.get("bound")))
        if f.get("kind") not in KINDS:
            problem("figure %s: bad kind %r" % (fid, f.get("kind")))
        if not isinstance(f.get("each"), bool):
            problem("figure %s: each must be true or false" % fid)
        if not isinstance(f.get("planned"), bool):
            problem("figure %s: planned must be boolean" % fid)
        if f.get("scope") not in SCOPES:
            problem("figure %s: bad scope %r" % (fid, f.get("scope")))
        p = f.get("period")
        if p is not None and not PERIOD_RE.match(p):
            problem("figure %s: bad period %r" % (fid, p))
        if not f.get("unit"):
            problem("figure %s: empty unit" % fid)
        for k in ("subject_zh", "subject_en"):
            if not f.get(k):
                problem("figure %s: empty %s" % (fid, k))
        src = f.get("source") or {}
        aid, quote = src.get("article"), src.get("quote") or ""
        if aid not in texts:
            problem("figure %s: unknown article %r" % (fid, aid))
        elif not quote or nows(quote) not in texts_nows[aid]:
            problem("figure %s: quote not found in %s: %r" % (fid, aid, quote))
        printed = f.get("printed") or ""
        if not printed or (printed not in quote and nows(printed) not in nows(quote)):
            problem("figure %s: printed %r not in quote %r" % (fid, printed, quote))
        if not value_printed_ok(f.get("value"), f.get("unit") or "", printed):
            problem("figure %s: value %r not found in printed %r" % (fid, f.get("value"), printed))

    # ---------------------------------------------------------------- places
    places = []
    if os.path.exists(args.places):
        places = parse_places(args.places)
        if not places:
            problem("no coordinate rows parsed from %s" % args.places)
    elif not args.allow_missing_places:
        problem("places.md not found at %s (use --places or --allow-missing-places)" % args.places)

    def place_row(lon, lat, source=None):
        for r in places:
            if abs(r["lon"] - lon) < 1e-9 and abs(r["lat"] - lat) < 1e-9 and (source is None or r["source"] == source):
                return r
        return None

    # ---------------------------------------------------------------- counties
    c_list = cnty.get("counties", [])
    c_ids = [c.get("adcode") for c in c_list]
    if c_ids != sorted(ADCODES):
        problem("counties.json adcodes %s, expected the eight in order" % c_ids)
    seats = {}
    for c in c_list:
        ad = c.get("adcode")
        seat = c.get("seat") or {}
        seats[ad] = (seat.get("lon"), seat.get("lat"))
        if places and isinstance(seat.get("lon"), (int, float)):
            r = place_row(seat["lon"], seat["lat"], seat.get("source"))
            if r is None:
                problem("county %s: seat %s,%s (%s) not a places.md row" % (ad, seat.get("lon"), seat.get("lat"), seat.get("source")))
            elif r["county"] != c.get("name_zh"):
                problem("county %s: seat row belongs to %s" % (ad, r["county"]))
        want = sorted(f["id"] for f in fig_list if f.get("scope") == ad)
        if sorted(c.get("figures", [])) != want:
            problem("county %s: figures list differs from figures scoped to it (missing %s, extra %s)" % (
                ad, sorted(set(want) - set(c.get("figures", []))), sorted(set(c.get("figures", [])) - set(want))))
        for fact in c.get("facts", []):
            if fact.get("article") not in texts:
                problem("county %s: fact with unknown article %r" % (ad, fact.get("article")))
            elif nows(fact.get("text_zh", "")) not in texts_nows[fact["article"]]:
                problem("county %s: fact not verbatim in %s: %r" % (ad, fact["article"], fact.get("text_zh")))
            if not fact.get("text_en"):
                problem("county %s: fact without text_en" % ad)

    # ---------------------------------------------------------------- projects
    if geo.get("type") != "FeatureCollection":
        problem("projects.geojson is not a FeatureCollection")
    feats = geo.get("features", [])
    proj_by_id = {}
    for feat in feats:
        pr = feat.get("properties") or {}
        pid = pr.get("id")
        if pid in proj_by_id:
            problem("duplicate project id %s" % pid)
        proj_by_id[pid] = pr
        if list(pr.keys()) != PROJECT_KEYS:
            problem("project %s: keys %s, expected %s" % (pid, list(pr.keys()), PROJECT_KEYS))
        if not isinstance(pid, str) or not ID_RE.match(pid):
            problem("project %r: id not snake_case" % pid)
        if pr.get("county") not in ADCODES:
            problem("project %s: bad county %r" % (pid, pr.get("county")))
        if pr.get("industry") not in INDUSTRIES:
            problem("project %s: bad industry %r" % (pid, pr.get("industry")))
        if pr.get("precision") not in PRECISIONS:
            problem("project %s: bad precision %r" % (pid, pr.get("precision")))
        if not pr.get("articles"):
            problem("project %s: no articles" % pid)
        for aid in pr.get("articles", []):
            if aid not in texts:
                problem("project %s: unknown article %r" % (pid, aid))
        for fid in pr.get("figures", []):
            f = fig_by_id.get(fid)
            if f is None:
                problem("project %s: unknown figure %s" % (pid, fid))
            elif f.get("project") != pid:
                problem("project %s: figure %s points to %r" % (pid, fid, f.get("project")))
            else:
                if f.get("scope") != pr.get("county"):
                    problem("project %s: figure %s scope %s differs from project county %s" % (pid, fid, f.get("scope"), pr.get("county")))
                if f["source"]["article"] not in pr.get("articles", []):
                    problem("project %s: figure %s's article not in project articles" % (pid, fid))
        geom = feat.get("geometry") or {}
        co = geom.get("coordinates")
        if geom.get("type") != "Point" or not isinstance(co, list) or len(co) != 2:
            problem("project %s: geometry must be a Point" % pid)
            continue
        lon, lat = co
        src, prec = pr.get("coord_source"), pr.get("precision")
        if src == "ZQGX":
            if (lon, lat) != ZQGX_MID or prec != "area":
                problem("project %s: ZQGX projects must sit at %s with precision area" % (pid, ZQGX_MID))
        elif src == "county seat":
            if prec != "county":
                problem("project %s: county-seat placement must have precision county" % pid)
            if seats.get(pr.get("county")) != (lon, lat):
                problem("project %s: coordinates %s are not the seat of %s" % (pid, co, pr.get("county")))
        else:
            if places and place_row(lon, lat, src) is None:
                problem("project %s: coordinates %s (%s) not a places.md row" % (pid, co, src))
            if prec not in ("town", "site"):
                problem("project %s: source %s point should have precision town or site" % (pid, src))
        if places and src != "ZQGX" and place_row(lon, lat) is None:
            problem("project %s: coordinates %s match no places.md row" % (pid, co))
    for f in fig_list:
        pid = f.get("project")
        if pid is not None:
            if pid not in proj_by_id:
                problem("figure %s: unknown project %r" % (f.get("id"), pid))
            elif f.get("id") not in proj_by_id[pid].get("figures", []):
                problem("figure %s: project %s does not list it" % (f.get("id"), pid))
    for c in c_list:
        ad = c.get("adcode")
        want = sorted(pid for pid, pr in proj_by_id.items() if pr.get("county") == ad)
        if sorted(c.get("projects", [])) != want:
            problem("county %s: projects list differs (want %s)" % (ad, want))

    report(art_ids, fig_list, feats, c_list)
    return 1 if problems else 0


def report(art_ids, fig_list, feats, c_list):
    C = collections.Counter
    if fig_list:
        print("figures: %d" % len(fig_list))
        for title, key in (("per article", lambda f: f["source"]["article"]), ("per kind", lambda f: f["kind"]),
                           ("per bound", lambda f: f["bound"]), ("per scope", lambda f: f["scope"]),
                           ("planned", lambda f: str(f["planned"]).lower())):
            cnt = C(key(f) for f in fig_list)
            print("  %s: %s" % (title, ", ".join("%s=%d" % kv for kv in sorted(cnt.items()))))
    if feats:
        print("projects: %d" % len(feats))
        cnt = C(ft["properties"]["precision"] for ft in feats)
        print("  per precision: %s" % ", ".join("%s=%d" % kv for kv in sorted(cnt.items())))
        cnt = C(ft["properties"]["industry"] for ft in feats)
        print("  per industry: %s" % ", ".join("%s=%d" % kv for kv in sorted(cnt.items())))
    if c_list:
        print("counties: %d (facts: %d)" % (len(c_list), sum(len(c.get("facts", [])) for c in c_list)))
    if problems:
        print("\n%d problem(s):" % len(problems))
        for p in problems:
            print("  - " + p)
    else:
        print("\nOK: no problems")


if __name__ == "__main__":
    sys.exit(main())

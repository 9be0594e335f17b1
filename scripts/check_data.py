#!/usr/bin/env python3
"""Check the Zhaoqing Explorer dataset (assets/data, assets/articles). Standard library only.

Usage: python3 scripts/check_data.py [--places PATH_TO_places.md] [--allow-missing-places]

Checks ids, quotes against the article texts, printed numbers, allowed enum values, measures
(measures.json), repeats of a fact (same_as), the links between figures, projects, counties and
articles, and that every project/seat coordinate equals a row of places.md (or the ZQGX midpoint of
the Hi-tech Zone's published bounds). Prints a summary and exits 1 on any problem.
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
KINDS = {"investment", "output", "count", "growth", "target", "rank", "other"}
ADCODES = {"441202", "441203", "441204", "441223", "441224", "441225", "441226", "441284"}
SCOPES = ADCODES | {"city", "company"}
# a figure linked to a project has the project's county as scope, or one of these
LINKED_SCOPES_EXTRA = {"city", "company"}
THEMES = {"investment", "industry", "villages", "party", "environment"}
RANK_UNIT = "位"
# units of rates and ratios: such a figure holds for each item and must never be added up
RATE_UNITS = {"%", "个百分点", "成"}
DECLINE_WORDS = ("降", "减", "下跌")
# a bound implied by the printed qualifier (a range such as 1至2个 gives at_least/at_most ends)
AT_MOST_Q = ("不足", "不到", "以下", "以内", "内")
AT_LEAST_Q = ("超", "逾", "突破", "多", "余", "以上", "级")
APPROX_Q = ("约", "近", "左右")
RANGE_MARKS = ("至", "到", "~", "～")
INDUSTRIES = {"nev", "battery", "electronics", "food", "agriculture", "tourism", "ecology", "energy",
              "materials", "machinery", "commerce", "industrial_park"}
PRECISIONS = {"site", "area", "town", "county"}
# how fine a precision is (smaller = finer); a point may claim its places.md row's precision or coarser
PRECISION_RANK = {"site": 0, "town": 1, "area": 2, "county": 3}
FIGURE_KEYS = ["id", "value", "unit", "measure", "printed", "bound", "kind", "planned", "each", "scope", "project",
               "period", "subject_zh", "subject_en", "source", "note"]
FIGURE_OPTIONAL_KEYS = ["same_as"]  # after note, when present
MEASURE_KEYS = ["id", "zh", "en", "theme"]
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
    """value (or, for a decline, its absolute value) is printed in digits or Chinese numerals."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
        value = -value
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


def implied_bound(printed):
    if any(q in printed for q in AT_MOST_Q):
        return "at_most"
    if any(q in printed for q in AT_LEAST_Q):
        return "at_least"
    if any(q in printed for q in APPROX_Q):
        return "approx"
    return "exact"


def row_precision_rank(prec):
    """places.md precision column (site, town, district (arc-minute), district) as a PRECISION_RANK."""
    word = (prec or "").split()[0] if prec else ""
    return {"site": 0, "town": 1, "district": 3}.get(word)


def project_ids(f):
    """The project ids a figure names: null, one id or a list."""
    p = f.get("project")
    if p is None:
        return []
    if isinstance(p, str):
        return [p]
    if isinstance(p, list):
        return p
    return None


def parse_places(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 7 and re.match(r"^\d+\.\d+$", cells[2]) and re.match(r"^\d+\.\d+$", cells[3]):
                key = cells[6].split()[0] if cells[6] else ""
                rows.append(dict(name=cells[0], lon=float(cells[2]), lat=float(cells[3]), lon_s=cells[2],
                                 lat_s=cells[3], precision=cells[4], county=cells[5], source=key))
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
    meas = load("measures.json")
    if None in (arts, figs, geo, cnty, meas):
        report({}, [], [], [], [])
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

    # ---------------------------------------------------------------- measures
    m_list = meas.get("measures", []) if isinstance(meas, dict) else []
    if not isinstance(meas, dict) or list(meas.keys()) != ["measures"] or not m_list:
        problem("measures.json must be {\"measures\": [...]} with at least one measure")
    m_by_id = {}
    for m in m_list:
        mid = m.get("id")
        if mid in m_by_id:
            problem("duplicate measure id %s" % mid)
        m_by_id[mid] = m
        if list(m.keys()) != MEASURE_KEYS:
            problem("measure %s: keys %s, expected %s" % (mid, list(m.keys()), MEASURE_KEYS))
        if not isinstance(mid, str) or not ID_RE.match(mid):
            problem("measure %r: id not snake_case" % mid)
        for k in ("zh", "en"):
            if not isinstance(m.get(k), str) or not m.get(k).strip():
                problem("measure %s: empty %s" % (mid, k))
        if m.get("theme") not in THEMES:
            problem("measure %s: bad theme %r (one of %s)" % (mid, m.get("theme"), sorted(THEMES)))

    # ---------------------------------------------------------------- figures
    fig_list = figs.get("figures", [])
    fig_by_id = {}
    for f in fig_list:
        fid = f.get("id")
        if fid in fig_by_id:
            problem("duplicate figure id %s" % fid)
        fig_by_id[fid] = f
        keys = list(f.keys())
        if keys != FIGURE_KEYS and keys != FIGURE_KEYS + FIGURE_OPTIONAL_KEYS:
            problem("figure %s: keys %s, expected %s (+ optional %s at the end)" % (fid, keys, FIGURE_KEYS, FIGURE_OPTIONAL_KEYS))
        if f.get("measure") not in m_by_id:
            problem("figure %s: measure %r is not in measures.json" % (fid, f.get("measure")))
        pids = project_ids(f)
        if pids is None or not all(isinstance(p, str) for p in pids):
            problem("figure %s: project must be null, an id or a list of ids" % fid)
        elif isinstance(f.get("project"), list):
            if not pids:
                problem("figure %s: project list is empty (use null)" % fid)
            if len(set(pids)) != len(pids):
                problem("figure %s: project list repeats an id" % fid)
            if f.get("each") is not True:
                problem("figure %s: a list of projects needs each: true (a value that holds for each of them)" % fid)
        v = f.get("value")
        isnum = isinstance(v, (int, float)) and not isinstance(v, bool)
        printed_ = f.get("printed") or ""
        says_decline = any(w in printed_ for w in DECLINE_WORDS)
        if isnum and v < 0 and (f.get("kind") != "growth" or not says_decline):
            problem("figure %s: a negative value must be kind growth printed as a decline (%s), not %r" % (
                fid, "/".join(DECLINE_WORDS), printed_))
        if isnum and v > 0 and f.get("kind") == "growth" and says_decline:
            problem("figure %s: %r is a decline, so the value must be negative" % (fid, printed_))
        if f.get("kind") == "rank":
            if f.get("unit") != RANK_UNIT:
                problem("figure %s: a rank has unit %s, not %r" % (fid, RANK_UNIT, f.get("unit")))
            if not isnum or v < 1 or float(v) != int(v):
                problem("figure %s: a rank is a whole number from 1, not %r" % (fid, v))
        elif f.get("unit") == RANK_UNIT:
            problem("figure %s: unit %s is for ranks only (kind rank)" % (fid, RANK_UNIT))
        if (f.get("unit") in RATE_UNITS or "平均" in printed_ or "每" in printed_) and f.get("each") is not True:
            problem("figure %s: a rate, ratio, average or per-unit value (%r %s) needs each: true" % (fid, printed_, f.get("unit")))
        is_range = any(r in printed_ for r in RANGE_MARKS)
        if not (is_range and f.get("bound") in ("at_least", "at_most")) and f.get("bound") in BOUNDS \
                and implied_bound(printed_) != f.get("bound"):
            problem("figure %s: printed %r reads as %s, but bound is %s" % (fid, printed_, implied_bound(printed_), f.get("bound")))
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

    # ---------------------------------------------------------------- same_as (repeats of a fact)
    for f in fig_list:
        if "same_as" not in f:
            continue
        fid, tid = f.get("id"), f.get("same_as")
        t = fig_by_id.get(tid)
        if t is None:
            problem("figure %s: same_as %r is not a figure" % (fid, tid))
            continue
        if tid == fid:
            problem("figure %s: same_as itself" % fid)
            continue
        if "same_as" in t:
            problem("figure %s: same_as %s, which is itself a repeat (name its primary)" % (fid, tid))
        for k in ("measure", "unit", "value", "scope"):
            if f.get(k) != t.get(k):
                problem("figure %s: %s %r differs from its primary %s's %r" % (fid, k, f.get(k), tid, t.get(k)))
        if tid not in (f.get("note") or ""):
            problem("figure %s: its note must name the primary %s" % (fid, tid))
        if fid not in (t.get("note") or ""):
            problem("figure %s: its note must name the repeat %s" % (tid, fid))
    used = collections.Counter(f.get("measure") for f in fig_list)
    for mid in m_by_id:
        if not used.get(mid):
            problem("measure %s: no figure uses it" % mid)

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
    county_name = {c.get("adcode"): c.get("name_zh") for c in c_list}
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
        if len(set(pr.get("figures", []))) != len(pr.get("figures", [])):
            problem("project %s: figures list repeats an id" % pid)
        for fid in pr.get("figures", []):
            f = fig_by_id.get(fid)
            if f is None:
                problem("project %s: unknown figure %s" % (pid, fid))
            elif pid not in (project_ids(f) or []):
                problem("project %s: figure %s points to %r" % (pid, fid, f.get("project")))
            else:
                if f.get("scope") != pr.get("county") and f.get("scope") not in LINKED_SCOPES_EXTRA:
                    problem("project %s: figure %s scope %s is neither the project county %s nor %s" % (
                        pid, fid, f.get("scope"), pr.get("county"), "/".join(sorted(LINKED_SCOPES_EXTRA))))
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
            # a places.md row named by its source key (GN town points, the zhW-DZ district point, ...):
            # the precision may be the row's own or coarser (area, county), never finer
            row = place_row(lon, lat, src) if places else None
            if places and row is None:
                problem("project %s: coordinates %s (%s) not a places.md row" % (pid, co, src))
            elif row is not None:
                rr = row_precision_rank(row["precision"])
                if rr is None:
                    problem("project %s: places.md row %s has unknown precision %r" % (pid, row["name"], row["precision"]))
                elif prec in PRECISION_RANK and PRECISION_RANK[prec] < rr:
                    problem("project %s: precision %s is finer than its places.md row (%s, %s)" % (pid, prec, row["name"], row["precision"]))
                if row["county"] != county_name.get(pr.get("county")):
                    problem("project %s: places.md row %s lies in %s, not in the project county %s" % (
                        pid, row["name"], row["county"], county_name.get(pr.get("county"))))
        if places and src != "ZQGX" and place_row(lon, lat) is None:
            problem("project %s: coordinates %s match no places.md row" % (pid, co))
    for f in fig_list:
        for pid in project_ids(f) or []:
            if pid not in proj_by_id:
                problem("figure %s: unknown project %r" % (f.get("id"), pid))
            elif f.get("id") not in proj_by_id[pid].get("figures", []):
                problem("figure %s: project %s does not list it" % (f.get("id"), pid))
    for c in c_list:
        ad = c.get("adcode")
        want = sorted(pid for pid, pr in proj_by_id.items() if pr.get("county") == ad)
        if sorted(c.get("projects", [])) != want:
            problem("county %s: projects list differs (want %s)" % (ad, want))

    report(art_ids, fig_list, feats, c_list, m_list)
    return 1 if problems else 0


def report(art_ids, fig_list, feats, c_list, m_list):
    C = collections.Counter
    if fig_list:
        print("figures: %d" % len(fig_list))
        for title, key in (("per article", lambda f: f["source"]["article"]), ("per kind", lambda f: f["kind"]),
                           ("per bound", lambda f: f["bound"]), ("per scope", lambda f: f["scope"]),
                           ("planned", lambda f: str(f["planned"]).lower()),
                           ("each", lambda f: str(f["each"]).lower())):
            cnt = C(key(f) for f in fig_list)
            print("  %s: %s" % (title, ", ".join("%s=%d" % kv for kv in sorted(cnt.items()))))
        print("  repeats (same_as): %d" % sum(1 for f in fig_list if "same_as" in f))
    if m_list:
        theme = {m.get("id"): m.get("theme") for m in m_list}
        shared = C(f.get("measure") for f in fig_list)
        print("measures: %d (shared by two or more figures: %d)" % (len(m_list), sum(1 for v in shared.values() if v > 1)))
        cnt = C(theme.get(f.get("measure")) for f in fig_list)
        print("  figures per theme: %s" % ", ".join("%s=%d" % kv for kv in sorted(cnt.items(), key=lambda kv: str(kv[0]))))
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

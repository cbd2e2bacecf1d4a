"""Browser test of the interactive HTML export (run through Scripts/test-browser, which installs what it needs).

Three pages, each freshly written by the entity-graph binary into a temporary directory:
  seeds    `extract seeds -o seeds.html`: the page people will open first;
  hostile  a document and a GraphML file whose texts hold `</script><img src=x onerror=alert(1)>`, `<!--` and
           U+2028: they must show as text, run nothing and create no element;
  large    a generated graph of 5,000 nodes and 20,000 edges (clusters, every type and kind, 30 dates),
           converted from GraphML: it must draw every node and its layout must stop; the settle time is printed
           (reported, not asserted: speed is for benchmarks, not pass/fail).
Each check prints PASS or FAIL; the last line is "N passed, N failed".
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from xml.sax.saxutils import escape, quoteattr

from PIL import Image
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

PAYLOAD = "</script><img src=x onerror=alert(1)>"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WIDTH, HEIGHT = 1400, 900


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"PASS {name}")
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))
        sys.stdout.flush()
        return ok


def run(binary, *arguments):
    result = subprocess.run([binary, *arguments], capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"{binary} {' '.join(arguments)} exited {result.returncode}: {result.stderr}")
    return result


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={WIDTH},{HEIGHT}", "--force-device-scale-factor=1", "--hide-scrollbars",
                     "--no-first-run", "--disable-extensions", "--lang=en-GB"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An alert must stay open so the test can see it, not be dismissed behind its back.
    options.set_capability("unhandledPromptBehavior", "ignore")
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    # The viewport itself (not the window around it) is WIDTH x HEIGHT, so screenshots have that size.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
    return driver


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def alert_text(driver):
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        return text
    except NoAlertPresentException:
        return None


def open_page(driver, path, timeout=30):
    """Loads the page and waits until its layout has stopped; returns seconds waited."""
    driver.get("file://" + os.path.abspath(path))
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        if alert_text(driver) is not None:
            raise RuntimeError("an alert opened while the page loaded")
        if driver.execute_script("return !!window.entityGraph && window.entityGraph.settled()"):
            # One more frame so the final drawing (and its counts) is the settled one.
            driver.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            return time.monotonic() - began
        time.sleep(0.05)
    raise RuntimeError(f"the layout of {path} did not settle within {timeout} s")


def next_frame(driver):
    driver.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def graph(driver, expression, *arguments):
    return driver.execute_script("return window.entityGraph." + expression, *arguments)


def screenshot_colours(driver, path):
    driver.save_screenshot(path)
    image = Image.open(path).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    return image.size, len(colours) if colours is not None else 1 << 20


def details(driver):
    return driver.find_element(By.ID, "details")


def check_page_basics(checks, driver, name, expected_nodes, expected_edges):
    checks.check(f"{name}: no console error", not (errors := console_errors(driver)), "; ".join(errors))
    checks.check(f"{name}: the page holds the graph ({expected_nodes} nodes, {expected_edges} edges)",
                 graph(driver, "nodeCount()") == expected_nodes and graph(driver, "edgeCount()") == expected_edges,
                 f"{graph(driver, 'nodeCount()')} nodes, {graph(driver, 'edgeCount()')} edges")
    drawn = graph(driver, "drawnNodeCount()")
    checks.check(f"{name}: drawn node count equals the graph's", drawn == expected_nodes, f"{drawn} drawn")
    requests = driver.execute_script("return performance.getEntriesByType('resource').map(r => r.name)")
    checks.check(f"{name}: no network request", requests == [], ", ".join(requests))


def check_search(checks, driver, name, query, expected_id, expected_label):
    chosen = graph(driver, "search(arguments[0])", query)
    selected = graph(driver, "selection()")
    title = details(driver).find_element(By.CSS_SELECTOR, "h3").text if selected else ""
    checks.check(f"{name}: search {query!r} selects {expected_label!r}",
                 chosen == expected_id and selected == {"kind": "node", "id": expected_id} and title == expected_label,
                 f"chose {chosen}, selection {selected}, panel title {title!r}")


def evidence_shown(driver):
    quotes = details(driver).find_elements(By.CSS_SELECTOR, "blockquote.evidence")
    if not quotes:
        return None, 0
    return driver.execute_script("return arguments[0].textContent", quotes[0]), \
        len(quotes[0].find_elements(By.CSS_SELECTOR, "mark"))


def real_click_on_edge(driver, edge_ids):
    """Clicks with the mouse on the middle of the first edge that a click there would pick; returns its id."""
    canvas = driver.find_element(By.ID, "graph")
    rect = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height]",
                                 canvas)
    for edge_id in edge_ids:
        point = graph(driver, "edgePoint(arguments[0])", edge_id)
        if not point or not (rect[0] + 5 < point["x"] < rect[0] + rect[2] - 5 and rect[1] + 5 < point["y"] < rect[1] + rect[3] - 5):
            continue
        if graph(driver, "pickAt(arguments[0], arguments[1])", point["x"], point["y"]) != {"kind": "edge", "id": edge_id}:
            continue
        # Selenium offsets are from the element's centre, in whole pixels.
        dx = round(point["x"] - (rect[0] + rect[2] / 2))
        dy = round(point["y"] - (rect[1] + rect[3] / 2))
        ActionChains(driver).move_to_element_with_offset(canvas, dx, dy).click().perform()
        return edge_id
    return None


def test_seeds(checks, driver, binary, scratch, seeds_screenshot):
    html, js = os.path.join(scratch, "seeds.html"), os.path.join(scratch, "seeds.json")
    run(binary, "extract", os.path.join(ROOT, "seeds"), "-o", html, "-o", js)
    data = json.load(open(js, encoding="utf-8"))["elements"]
    nodes = [n["data"] for n in data["nodes"]]
    edges = [e["data"] for e in data["edges"]]
    open_page(driver, html)
    check_page_basics(checks, driver, "seeds", len(nodes), len(edges))

    # An alias that names one node only, and that no node has as its label: searching it must find that node.
    def names(n):
        return [n["label"].lower()] + [a.lower() for a in n.get("aliases", [])]
    candidates = [(n, a) for n in nodes for a in n.get("aliases", [])
                  if sum(a.lower() in names(m) for m in nodes) == 1]
    checks.check("seeds: has a node with a unique alias to search", bool(candidates))
    if candidates:
        node, alias = candidates[0]
        check_search(checks, driver, "seeds", alias, node["id"], node["label"])
    lavrov = next(n for n in nodes if n["label"] == "Sergey Lavrov")
    check_search(checks, driver, "seeds", "lavrov", lavrov["id"], lavrov["label"])

    # Programmatic selection of an edge: its evidence is shown, the entity names in it are marked.
    typed = [e for e in edges if e["kind"] != "co_mention" and e.get("evidence")]
    edge = next(e for e in typed if e["kind"] == "interaction")
    graph(driver, "selectEdge(arguments[0])", edge["id"])
    text, marks = evidence_shown(driver)
    checks.check("seeds: a selected edge shows its evidence sentence", text == edge["evidence"], f"{text!r}")
    checks.check("seeds: the evidence marks the entity names", marks >= 2, f"{marks} marks")
    kind_of = {e["id"]: e["kind"] for e in edges}
    visible = graph(driver, "visibleEdgeIds()")
    checks.check("seeds: co-mentions are hidden by default",
                 sorted(visible) == sorted(i for i, k in kind_of.items() if k != "co_mention"), f"{len(visible)} shown")

    # One real mouse click on an edge.
    graph(driver, "clearSelection()")
    graph(driver, "search('')")
    driver.find_element(By.ID, "fit").click()
    # Interactions nearest the middle of the drawing first (the screenshot shows one selected), then any typed edge.
    middle = driver.execute_script("const r = document.getElementById('graph').getBoundingClientRect(); "
                                   "return [r.left + r.width / 2, r.top + r.height / 2]")

    def distance(e):
        point = graph(driver, "edgePoint(arguments[0])", e["id"])
        return (point["x"] - middle[0]) ** 2 + (point["y"] - middle[1]) ** 2 if point else float("inf")
    preference = [e["id"] for e in sorted((e for e in typed if e["kind"] == "interaction"), key=distance)] \
        + [e["id"] for e in typed]
    clicked = real_click_on_edge(driver, preference)
    checks.check("seeds: a real click on an edge is possible", clicked is not None)
    if clicked:
        selected = graph(driver, "selection()")
        text, _ = evidence_shown(driver)
        expected = next(e for e in edges if e["id"] == clicked)["evidence"]
        checks.check("seeds: clicking an edge shows its evidence",
                     selected == {"kind": "edge", "id": clicked} and text == expected, f"{selected}, {text!r}")

    # The screenshot (README picture) shows the page as a reader sees it after that click.
    driver.execute_script("document.getElementById('panel').scrollTop = 0")
    shot = seeds_screenshot or os.path.join(scratch, "seeds.png")
    size, colours = screenshot_colours(driver, shot)
    checks.check(f"seeds: screenshot is not blank ({colours} colours)", size == (WIDTH, HEIGHT) and colours >= 64,
                 f"{size}, {colours} colours")

    # The co-mention toggle shows them.
    box = driver.find_element(By.CSS_SELECTOR, '#kind-filters input[data-name="co_mention"]')
    box.click()
    shown = len(graph(driver, "visibleEdgeIds()"))
    box.click()
    checks.check("seeds: the co_mention toggle shows every edge", shown == len(edges), f"{shown} of {len(edges)}")

    # Type filter: unticking person leaves the other nodes drawn.
    box = driver.find_element(By.CSS_SELECTOR, '#type-filters input[data-name="person"]')
    box.click()
    next_frame(driver)
    drawn = graph(driver, "drawnNodeCount()")
    box.click()
    others = sum(n["type"] != "person" for n in nodes)
    checks.check("seeds: the person filter hides exactly the people", drawn == others, f"{drawn} drawn, {others} expected")

    # Minimum weight at the heaviest typed edge's weight: only the edges that heavy stay (the slider's steps
    # are the distinct weights of all edges).
    heaviest = max(e["weight"] for e in edges if e["kind"] != "co_mention")
    step = sorted({e["weight"] for e in edges}).index(heaviest)
    driver.execute_script("const s = document.getElementById('min-weight'); s.value = arguments[0]; "
                          "s.dispatchEvent(new Event('input'))", step)
    visible = graph(driver, "visibleEdgeIds()")
    expected = sorted(e["id"] for e in edges if e["weight"] >= heaviest and e["kind"] != "co_mention")
    driver.execute_script("const s = document.getElementById('min-weight'); s.value = 0; s.dispatchEvent(new Event('input'))")
    checks.check(f"seeds: minimum weight {heaviest} keeps only those edges", sorted(visible) == expected and expected,
                 f"{sorted(visible)} vs {expected}")

    checks.check("seeds: no console error after interaction", not (errors := console_errors(driver)), "; ".join(errors))


def hostile_graphml(path):
    """A GraphML file whose every text field tries to break out of the page."""
    evil = PAYLOAD + " <!-- <script>alert(2)</script> \u2028 \u2029 & \"quoted\" 'single'"
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        for key, kind, name in [("l", "node", "label"), ("t", "node", "type"), ("a", "node", "aliases"),
                                ("d", "node", "documents"), ("k", "edge", "kind"), ("el", "edge", "label"),
                                ("ev", "edge", "evidence"), ("ed", "edge", "evidence_document")]:
            out.write(f'<key id="{key}" for="{kind}" attr.name="{name}" attr.type="string"/>\n')
        out.write('<graph edgedefault="directed">\n')
        out.write(f'<node id="a"><data key="l">{escape(evil)}</data><data key="t">person</data>'
                  f'<data key="a">{escape(PAYLOAD)}</data><data key="d">{escape(PAYLOAD)}</data></node>\n')
        out.write('<node id="b"><data key="l">Plain Org</data><data key="t">organisation</data></node>\n')
        out.write(f'<edge source="a" target="b"><data key="k">interaction</data><data key="el">{escape(PAYLOAD)}</data>'
                  f'<data key="ev">{escape(evil)} met Plain Org</data><data key="ed">{escape(PAYLOAD)}</data></edge>\n')
        out.write('</graph>\n</graphml>\n')
    return evil


def test_hostile(checks, driver, binary, scratch):
    # A document whose text holds the payload: extraction keeps it in an evidence sentence.
    docs = os.path.join(scratch, "hostile-docs")
    os.makedirs(docs, exist_ok=True)
    with open(os.path.join(docs, "attack.txt"), "w", encoding="utf-8") as out:
        out.write("Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Moscow on Monday "
                  f"{PAYLOAD} and <!-- discussed\u2028 Afghanistan.\n")
    html, js = os.path.join(scratch, "attack.html"), os.path.join(scratch, "attack.json")
    run(binary, "extract", docs, "-o", html, "-o", js)
    edges = [e["data"] for e in json.load(open(js, encoding="utf-8"))["elements"]["edges"]]
    carrying = [e for e in edges if PAYLOAD in e.get("evidence", "")]
    checks.check("hostile document: an edge's evidence holds the payload", bool(carrying), f"{len(edges)} edges")
    open_page(driver, html)
    checks.check("hostile document: no alert", (text := alert_text(driver)) is None, f"alert {text!r}")
    if carrying:
        graph(driver, "selectEdge(arguments[0])", carrying[0]["id"])
        shown, _ = evidence_shown(driver)
        checks.check("hostile document: the payload shows as text", shown == carrying[0]["evidence"], f"{shown!r}")
    check_no_injection(checks, driver, "hostile document")

    # Every field of a converted GraphML file.
    graphml = os.path.join(scratch, "hostile.graphml")
    evil = hostile_graphml(graphml)
    html = os.path.join(scratch, "hostile.html")
    run(binary, "convert", graphml, "-o", html)
    raw = open(html, encoding="utf-8").read()
    checks.check("hostile graph: the file has exactly three script elements and no raw payload",
                 raw.count("<script") == 3 and raw.count("</script>") == 3 and PAYLOAD not in raw and "\u2028" not in raw)
    open_page(driver, html)
    check_page_basics(checks, driver, "hostile graph", 2, 1)
    graph(driver, "selectNode('n0')")
    title = driver.execute_script("return document.querySelector('#details h3').textContent")
    panel = driver.execute_script("return document.getElementById('details').textContent")
    checks.check("hostile graph: the label shows as text", title == evil, f"{title!r}")
    checks.check("hostile graph: aliases and documents show as text", panel.count(PAYLOAD) >= 3, f"{panel!r}")
    graph(driver, "selectEdge('e0')")
    shown, marks = evidence_shown(driver)
    checks.check("hostile graph: the evidence shows as text with names marked",
                 shown == evil + " met Plain Org" and marks >= 1, f"{shown!r}, {marks} marks")
    graph(driver, "search(arguments[0])", "onerror")
    check_no_injection(checks, driver, "hostile graph")

    # An empty graph is a page too.
    empty = os.path.join(scratch, "empty.graphml")
    with open(empty, "w", encoding="utf-8") as out:
        out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"/></graphml>\n')
    html = os.path.join(scratch, "empty.html")
    run(binary, "convert", empty, "-o", html)
    open_page(driver, html)
    check_page_basics(checks, driver, "empty graph", 0, 0)


def check_no_injection(checks, driver, name):
    checks.check(f"{name}: no alert after selecting", (text := alert_text(driver)) is None, f"alert {text!r}")
    counts = driver.execute_script(
        "return [document.getElementsByTagName('img').length, document.getElementsByTagName('script').length]")
    checks.check(f"{name}: no img element created, no script added", counts == [0, 3], f"img, script: {counts}")
    checks.check(f"{name}: no console error", not (errors := console_errors(driver)), "; ".join(errors))


def large_label(i):
    return f"Entity {i} {chr(65 + i % 26)}{chr(65 + i // 26 % 26)}"


def large_graphml(path, node_count=5000, edge_count=20000):
    """A clustered graph with every type and kind, dated over 30 days; deterministic."""
    rng = random.Random(12)
    types = ["person"] * 45 + ["organisation"] * 25 + ["country"] * 8 + ["location"] * 12 + ["meeting"] * 10
    kinds = ["co_mention"] * 55 + ["interaction"] * 15 + ["role"] * 10 + ["member_of"] * 6 + ["participant"] * 8 \
        + ["held_in"] * 3 + ["located_in"] * 3
    clusters = 100
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        for key, kind, name, kind_type in [("l", "node", "label", "string"), ("t", "node", "type", "string"),
                                           ("m", "node", "mentions", "int"), ("f", "node", "first_seen", "string"),
                                           ("s", "node", "last_seen", "string"), ("k", "edge", "kind", "string"),
                                           ("w", "edge", "weight", "double"), ("ev", "edge", "evidence", "string"),
                                           ("ef", "edge", "first_seen", "string"), ("es", "edge", "last_seen", "string")]:
            out.write(f'<key id="{key}" for="{kind}" attr.name="{name}" attr.type="{kind_type}"/>\n')
        out.write('<graph edgedefault="directed">\n')
        for i in range(node_count):
            day = 1 + rng.randrange(30)
            out.write(f'<node id="n{i}"><data key="l">{large_label(i)}</data>'
                      f'<data key="t">{rng.choice(types)}</data><data key="m">{1 + int(rng.paretovariate(1.5))}</data>'
                      f'<data key="f">2021-10-{day:02d}</data><data key="s">2021-10-{min(30, day + rng.randrange(5)):02d}</data>'
                      '</node>\n')
        for e in range(edge_count):
            s = rng.randrange(node_count)
            t = (s // (node_count // clusters)) * (node_count // clusters) + rng.randrange(node_count // clusters) \
                if rng.random() < 0.85 else rng.randrange(node_count)
            if t == s:
                t = (s + 1) % node_count
            day = 1 + rng.randrange(30)
            out.write(f'<edge source="n{s}" target="n{t}"><data key="k">{rng.choice(kinds)}</data>'
                      f'<data key="w">{1 + rng.randrange(6)}.0</data>'
                      f'<data key="ev">{large_label(s)} and {large_label(t)} were seen together.</data>'
                      f'<data key="ef">2021-10-{day:02d}</data><data key="es">2021-10-{day:02d}</data></edge>\n')
        out.write('</graph>\n</graphml>\n')


def frame_time(driver, kind, frames=30):
    """Mean milliseconds per animation frame while the page handles one zoom or hover event per frame."""
    return driver.execute_script("""
        const canvas = document.getElementById('graph'), r = canvas.getBoundingClientRect(), kind = arguments[0];
        return new Promise(done => {
          let n = 0; const began = performance.now();
          function step() {
            const at = {clientX: r.left + r.width / 2 + (kind === 'wheel' ? 0 : 7 * n - 100),
                        clientY: r.top + r.height / 2, bubbles: true, cancelable: true};
            canvas.dispatchEvent(kind === 'wheel' ? new WheelEvent('wheel', Object.assign({deltaY: n % 2 ? 40 : -40}, at))
                                                  : new PointerEvent('pointermove', at));
            if (++n > arguments[1]) { done((performance.now() - began) / n); return; }
            requestAnimationFrame(step);
          }
          requestAnimationFrame(step);
        });""".replace("arguments[1]", str(frames)), kind)


def test_large(checks, driver, binary, scratch):
    graphml, html = os.path.join(scratch, "large.graphml"), os.path.join(scratch, "large.html")
    large_graphml(graphml)
    run(binary, "convert", graphml, "-o", html)
    waited = open_page(driver, html, timeout=60)
    size, colours = screenshot_colours(driver, os.path.join(scratch, "large.png"))
    checks.check(f"large: screenshot is not blank ({colours} colours)", colours >= 64, f"{colours} colours")
    settle = graph(driver, "settleTimeMs()")
    layout = graph(driver, "layoutTimeMs()")
    ticks = graph(driver, "layoutTicks()")
    timing = graph(driver, "timing()")
    print(f"INFO large: 5,000 nodes / 20,000 edges: layout settled {settle / 1000:.2f} s after navigation start "
          f"(layout alone {layout / 1000:.2f} s, {ticks} steps; the test waited {waited:.2f} s; "
          f"{timing['tickMs'] / 1000:.2f} s in layout steps, {timing['drawMs'] / 1000:.2f} s drawing {timing['frames']} frames)")
    check_page_basics(checks, driver, "large", 5000, 20000)
    print(f"INFO large: {frame_time(driver, 'wheel'):.0f} ms per frame while zooming, "
          f"{frame_time(driver, 'pointermove'):.0f} ms per frame while hovering (30 frames each)")
    check_search(checks, driver, "large", large_label(4321)[7:].lower(), "n4321", large_label(4321))
    graph(driver, "selectEdge('e7')")
    shown, marks = evidence_shown(driver)
    checks.check("large: a selected edge shows its evidence", shown is not None and shown.endswith("were seen together.")
                 and marks == 2, f"{shown!r}, {marks} marks")
    checks.check("large: the date range slider is shown", driver.find_element(By.ID, "date-section").is_displayed())
    # Narrowing the dates hides elements; the drawing follows.
    driver.execute_script("const s = document.getElementById('date-to'); s.value = '3'; s.dispatchEvent(new Event('input'))")
    driver.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    narrowed = graph(driver, "drawnNodeCount()")
    checks.check("large: the date range filters nodes", 0 < narrowed < 5000, f"{narrowed} drawn")
    checks.check("large: no console error after interaction", not (errors := console_errors(driver)), "; ".join(errors))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/entity-graph"))
    parser.add_argument("--seeds-screenshot", help="also keep the seeds page's screenshot here (README picture)")
    parser.add_argument("--keep", help="write the pages and screenshots here instead of a removed temp directory")
    parser.add_argument("--only", help="comma-separated parts to run (seeds, hostile, large); default all")
    args = parser.parse_args()
    parts = set((args.only or "seeds,hostile,large").split(","))
    binary = os.path.abspath(args.binary)
    checks = Checks()
    scratch = args.keep or tempfile.mkdtemp(prefix="entity-graph-browser-")
    os.makedirs(scratch, exist_ok=True)
    began = time.monotonic()
    driver = None
    try:
        driver = browser()
        for part, test in [("seeds", lambda: test_seeds(checks, driver, binary, scratch, args.seeds_screenshot)),
                           ("hostile", lambda: test_hostile(checks, driver, binary, scratch)),
                           ("large", lambda: test_large(checks, driver, binary, scratch))]:
            if part not in parts:
                continue
            try:
                test()
            except Exception as error:  # a crashed part is a failure, and the other parts still run
                checks.check("page test ran to its end", False, f"{type(error).__name__}: {error}")
    except Exception as error:
        checks.check("browser started", False, f"{type(error).__name__}: {error}")
    finally:
        if driver is not None:
            driver.quit()
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"INFO browser test took {time.monotonic() - began:.1f} s")
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks answers.json against the contracts: every clause path must be one that
`tandem clauses <file> --format json` prints; categories must be CUAD names from
ClauseCategories.cs; severities, ids and sides must be well formed."""
import json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TANDEM = ["/work/blindcli/tandem", "--db", "/tmp/dev116.db"]
ENV = dict(os.environ, HOME="/tmp/dev116-home")
CATS = ["Document Name", "Parties", "Agreement Date", "Effective Date", "Expiration Date", "Renewal Term",
        "Notice Period to Terminate Renewal", "Governing Law", "Most Favored Nation", "Non-Compete", "Exclusivity",
        "No-Solicit of Customers", "Competitive Restriction Exception", "No-Solicit of Employees", "Non-Disparagement",
        "Termination for Convenience", "Rofr/Rofo/Rofn", "Change of Control", "Anti-Assignment", "Revenue/Profit Sharing",
        "Price Restrictions", "Minimum Commitment", "Volume Restriction", "IP Ownership Assignment", "Joint IP Ownership",
        "License Grant", "Non-Transferable License", "Affiliate License-Licensor", "Affiliate License-Licensee",
        "Unlimited/All-You-Can-Eat-License", "Irrevocable or Perpetual License", "Source Code Escrow",
        "Post-Termination Services", "Audit Rights", "Uncapped Liability", "Cap on Liability", "Liquidated Damages",
        "Warranty Duration", "Insurance", "Covenant Not to Sue", "Third Party Beneficiary"]
SEV = {"info", "low", "medium", "high", "critical"}

key = json.load(open(os.path.join(HERE, "answers.json")))
errors = 0
def err(msg):
    global errors
    errors += 1
    print("error:", msg)

seen_files = set()
for c in key["contracts"]:
    f = c["file"]
    if f in seen_files: err(f"{f}: keyed twice")
    seen_files.add(f)
    out = subprocess.run(TANDEM + ["clauses", os.path.join(HERE, f), "--format", "json"],
                         env=ENV, capture_output=True, text=True, check=True).stdout
    clauses = json.loads(out)["clauses"]
    paths = {cl["path"] for cl in clauses}
    preamble = " ".join(cl["text"] for cl in clauses if cl["kind"] == "preamble")
    if not re.search(r'\("%s"\)' % re.escape(c["side"]), preamble, re.I):
        err(f"{f}: side {c['side']!r} is not defined in the preamble")
    ids = set()
    risk_paths = set()
    for r in c["risks"]:
        if r["id"] in ids: err(f"{f}: duplicate id {r['id']}")
        ids.add(r["id"])
        if r["minSeverity"] not in SEV: err(f"{f}/{r['id']}: severity {r['minSeverity']}")
        for cat in r["categories"]:
            if cat not in CATS: err(f"{f}/{r['id']}: category {cat!r}")
        for p in r["clauses"]:
            if p not in paths: err(f"{f}/{r['id']}: no clause {p!r}")
            risk_paths.add(p)
    for cat in c["missing"]:
        if cat not in CATS: err(f"{f}: missing category {cat!r}")
    for p in c.get("ordinary", []):
        if p not in paths: err(f"{f}: ordinary clause {p!r} not found")
        if p in risk_paths: err(f"{f}: ordinary clause {p!r} is also a risk clause")
    print(f"{f}: {len(clauses)} clauses, {len(c['risks'])} risks, missing {c['missing']}, "
          f"{len(c.get('ordinary', []))} ordinary, side {c['side']}")
print("OK" if errors == 0 else f"{errors} error(s)")
sys.exit(1 if errors else 0)

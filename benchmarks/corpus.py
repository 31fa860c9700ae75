"""Generate realistic strategy files for the benchmarks.

    python benchmarks/corpus.py --files 1000 --out /tmp/corpus          # ~350 lines, ~150 calendar entries each
    python benchmarks/corpus.py --calendar 10000 --out /tmp/big         # one file with 10,000 calendar entries

The files are deterministic (seeded) and look like the bundled examples:
Dutch and English organisations, five audiences, SMART and vague
objectives, channels with cadence, pillars, a team, tasks and a calendar.
Some findings are expected, as in real plans.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

PLATFORMS = ["facebook", "instagram", "linkedin", "youtube", "tiktok", "x"]
CADENCE = {"facebook": (1, "day"), "instagram": (4, "week"), "linkedin": (5, "week"), "youtube": (1, "week"),
           "tiktok": (3, "week"), "x": (1, "day")}
FORMATS = {"facebook": "[text, image, link]", "instagram": "[image, video, story]", "linkedin": "[text, article]",
           "youtube": "[video]", "tiktok": "[video]", "x": "[text, link]"}
WORDS_NL = ["duurzaam", "buurt", "energie", "tuin", "gezin", "school", "markt", "fiets", "afval", "koken"]
WORDS_EN = ["forecast", "pipeline", "customer", "dashboard", "webinar", "release", "partner", "supply", "demo", "team"]


def strategy(index: int, calendar_entries: int = 150, seed: int = 0) -> str:
    rnd = random.Random(seed * 1_000_003 + index)
    dutch = index % 2 == 0
    words = WORDS_NL if dutch else WORDS_EN
    lang = "nl" if dutch else "en"
    platforms = rnd.sample(PLATFORMS, 4)
    team = [f"member-{n}" for n in range(5)]
    lines = [
        "# yaml-language-server: $schema=../schemas/strategy.schema.json",
        "version: 1",
        "organisation:",
        f"  name: {'Stichting' if dutch else 'Company'} {words[index % len(words)].title()} {index}",
        f"  kind: {rnd.choice(['nonprofit', 'commercial', 'government', 'education'])}",
        f"  sector: {rnd.choice(words)}",
        f"  size: {rnd.randint(5, 500)}",
        f"  region: {'nl' if dutch else 'us'}",
        f"  languages: [{lang}]",
        "period: {start: 2027-01-01, end: 2027-12-31}",
        "",
        "audiences:",
    ]
    audiences = []
    for n in range(5):
        low = rnd.choice([18, 25, 30, 40, 50, 65])
        audience = f"audience-{n}"
        audiences.append(audience)
        lines += [
            f"  - id: {audience}",
            f"    name: {rnd.choice(words).title()} {n}",
            f"    description: {' '.join(rnd.choice(words) for _ in range(8))}",
            f"    age: {low}-{low + rnd.choice([9, 14, 19])}",
            "    gender: any",
            f"    occupations: [{rnd.choice(words)}, {rnd.choice(words)}]",
            f"    income: {rnd.choice(['low', 'middle', 'high', 'mixed'])}",
            f"    interests: [{rnd.choice(words)}, {rnd.choice(words)}, {rnd.choice(words)}]",
            f"    segment: {rnd.choice(['consumer', 'consumer', 'public', 'business'])}",
        ]
    lines += ["", "objectives:"]
    objectives = []
    for n in range(6):
        platform = platforms[n % len(platforms)]
        objective = f"objective-{n}"
        objectives.append(objective)
        baseline = rnd.randint(100, 5000)
        target = int(baseline * rnd.uniform(1.05, 1.6))
        if dutch:
            statement = (f"Voor 1 december 2027 groeit het aantal volgers op {platform.title()} van {baseline} naar {target}."
                         if n % 3 else f"We willen meer bereik op {platform.title()}.")
        else:
            statement = (f"By December 1, 2027 we grow {platform.title()} followers from {baseline} to {target}."
                         if n % 3 else f"More awareness on {platform.title()}.")
        lines += [
            f"  - id: {objective}",
            f"    statement: {statement}",
            "    metric: followers",
            f"    channels: [{platform}]",
            f"    audiences: [{rnd.choice(audiences)}]",
            f"    baseline: {baseline}",
            f"    target: {target}",
            "    deadline: 2027-12-01",
            f"    owner: {rnd.choice(team)}",
        ]
    lines += ["", "channels:"]
    for platform in platforms:
        lines += [
            f"  - platform: {platform}",
            f"    audiences: [{', '.join(rnd.sample(audiences, 2))}]",
            f"    objectives: [{', '.join(o for i, o in enumerate(objectives) if platforms[i % len(platforms)] == platform)}]",
            f"    handle: \"@org{index}\"",
            f"    rationale: {' '.join(rnd.choice(words) for _ in range(6))}",
        ]
    lines += ["", "content:", "  pillars:"]
    shares = [40, 30, 20, 10]
    for n, share in enumerate(shares):
        chosen = rnd.sample(platforms, 2)
        lines += [
            f"    - id: pillar-{n}",
            f"      name: {rnd.choice(words).title()}",
            f"      share: {share}",
            f"      formats: {FORMATS[chosen[0]]}",
            f"      audiences: [{rnd.choice(audiences)}]",
            f"      channels: [{', '.join(chosen)}]",
        ]
    lines.append("  cadence:")
    for platform in platforms:
        posts, per = CADENCE[platform]
        lines.append(f"    - {{channel: {platform}, posts: {posts}, per: {per}}}")
    lines += ["", "team:"]
    for n, member in enumerate(team):
        lines += [
            f"  - id: {member}",
            f"    name: {rnd.choice(words).title()} {n}",
            f"    role: {rnd.choice(['social media manager', 'content maker', 'analyst', 'editor'])}",
            f"    department: {rnd.choice(['communicatie', 'marketing', 'sales'])}",
            f"    channels: [{', '.join(rnd.sample(platforms, 2))}]",
        ]
    lines += ["", "tasks:"]
    for n in range(10):
        due = dt.date(2027, 1, 1) + dt.timedelta(days=rnd.randint(0, 360))
        lines.append(f"  - {{id: task-{n}, title: {rnd.choice(words).title()} {n}, owner: {rnd.choice(team)}, "
                     f"due: {due}, status: {rnd.choice(['todo', 'doing', 'done'])}}}")
    lines += ["", "calendar:"]
    start = dt.date(2027, 1, 4)
    for n in range(calendar_entries):
        platform = platforms[n % len(platforms)]
        day = start + dt.timedelta(days=(n * 365) // max(calendar_entries, 1) % 360)
        lines.append(f"  - {{date: {day}, channel: {platform}, pillar: pillar-{n % 4}, "
                     f"title: {rnd.choice(words).title()} {n}, owner: {rnd.choice(team)}, "
                     f"status: {rnd.choice(['idea', 'planned', 'draft', 'scheduled'])}}}")
    lines += [
        "",
        "maturity:",
        f"  declared_stage: {rnd.randint(1, 4)}",
        "  practices:",
        "    plan_in_progress: true",
        "    written_strategy: true",
        "    team_roles: true",
        f"    experts_trained: {rnd.choice(['true', 'false'])}",
        "    integrated_media: [website, newsletter]",
        "    measurement_tool: Meta Business Suite",
        "    reporting_cadence: monthly",
        "    kpis: true",
        "    org_wide_team: false",
        "    cross_department: false",
    ]
    return "\n".join(lines) + "\n"


STATEMENT_PARTS = [
    "Voor 1 december 2027 groeit het aantal volgers op Instagram van 1.200 naar 1.500",
    "we willen 10% meer bereik op LinkedIn in Q3 2027",
    "By June 30 we grow followers from 1,200 to 1,500 on Facebook",
    "increase engagement by 15% within 6 months",
    "1 2 3 4 5 6 7 8 9 10",
    "eind 2027 tien procent meer aanmeldingen via X",
]


def statements(kilobytes: int, seed: int = 0) -> str:
    """A strategy with one objective whose statement is about ``kilobytes`` KB of mixed text (numbers, dates, words)."""
    rnd = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < kilobytes * 1000:
        part = rnd.choice(STATEMENT_PARTS)
        parts.append(part)
        size += len(part) + 2
    text = ". ".join(parts) + "."
    return ("version: 1\norganisation: {name: Long statements, languages: [nl]}\n"
            "period: {start: 2027-01-01, end: 2027-12-31}\n"
            "objectives:\n  - id: long\n    statement: >-\n      " + text + "\n")


def write_corpus(folder: Path, files: int, calendar_entries: int = 150, seed: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(files):
        path = folder / f"plan-{index:05d}.strategy.yaml"
        path.write_text(strategy(index, calendar_entries, seed), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--files", type=int, default=0, help="how many ~350-line strategy files")
    parser.add_argument("--calendar", type=int, default=0, help="write one file with this many calendar entries")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.files:
        paths = write_corpus(args.out, args.files, seed=args.seed)
        lines = sum(p.read_text(encoding="utf-8").count("\n") for p in paths) / len(paths)
        print(f"wrote {len(paths)} files to {args.out} ({lines:.0f} lines each on average)")
    if args.calendar:
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / f"calendar-{args.calendar}.strategy.yaml"
        path.write_text(strategy(0, args.calendar, args.seed), encoding="utf-8")
        print(f"wrote {path} ({args.calendar} calendar entries)")


if __name__ == "__main__":
    main()

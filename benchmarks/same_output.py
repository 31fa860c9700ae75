"""Check that a change reports exactly what the code before it reported.

    python benchmarks/same_output.py --base HEAD~3            # the work tree against a commit
    python benchmarks/same_output.py --base A --head B         # two commits
    python benchmarks/same_output.py --base HEAD~1 --no-tests  # the generated corpus only (quick)

A speed change must not change one byte of what smlint reports (issue 15,
goal 5). The inputs: the benchmark corpus (``--files`` strategies, a long
calendar, long statements), the example strategies, and every document the
test suite lints in-process (captured by running the head's test suite with
this file as a pytest plugin). Each revision lints every input in its own
process (a fresh export of a commit, or the work tree); the findings, with
messages, lines, columns and paths, and the growth-model view are compared
document by document. Exits 1 when anything differs, and shows the first
differences.
"""

from __future__ import annotations

import argparse
import difflib
import os
import pickle
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CAPTURE = "SMLINT_CAPTURE_INPUTS"
OPTION_FIELDS = ("select", "ignore", "severities", "lang", "today", "thresholds")


# -- as a pytest plugin (``-p same_output``): record what the tests lint ------------------------------
def pytest_configure(config) -> None:
    if not os.environ.get(CAPTURE):
        return
    from smlint.engine import Linter

    seen: dict = {}
    original = Linter.lint_bytes

    def recording(self, file, data, *args, **kwargs):
        options = {name: getattr(self.options, name) for name in OPTION_FIELDS if hasattr(self.options, name)}
        try:
            key = pickle.dumps((bytes(data), options))
        except Exception:  # an option a later revision added that cannot be stored: lint with the defaults
            key = pickle.dumps((bytes(data), {}))
        seen.setdefault(key, None)
        return original(self, file, data, *args, **kwargs)

    Linter.lint_bytes = recording
    config._smlint_captured = seen


def pytest_unconfigure(config) -> None:
    seen = getattr(config, "_smlint_captured", None)
    if seen is not None:
        with open(os.environ[CAPTURE], "wb") as handle:
            pickle.dump([pickle.loads(key) for key in seen], handle)


# -- run inside one revision: lint every input, one text per input ------------------------------------
RUNNER = r'''
import dataclasses, datetime as dt, json, pickle, sys
from smlint.engine import Linter, Options
inputs = pickle.load(open(sys.argv[1], "rb"))
fields = {f.name for f in dataclasses.fields(Options)}
linters, out = {}, []
for name, data, options in inputs:
    options = {k: v for k, v in options.items() if k in fields}
    options.setdefault("today", dt.date(2027, 1, 2))
    key = repr(sorted(options.items()))
    try:
        if key not in linters:
            linters[key] = Linter(Options(**options))
        result = linters[key].lint_bytes(name, data)
        lines = [json.dumps(f.as_dict(), ensure_ascii=False, sort_keys=True) for f in result.findings]
        if result.context is not None and not any(f.rule in ("SM001", "SM006") for f in result.findings):
            try:  # where the growth model lives in this revision (it moved into ruledata/)
                from smlint.ruledata import maturity
            except ImportError:
                from smlint import maturity
            view = maturity.view(name, maturity.assess(result.context), options.get("lang") or result.lang)
            lines.append(json.dumps(view, ensure_ascii=False, sort_keys=True, default=str))
        out.append("\n".join(lines))
    except Exception as exc:
        out.append(f"EXCEPTION {type(exc).__name__}: {exc}")
pickle.dump(out, open(sys.argv[2], "wb"))
'''


def export(revision: str, into: Path) -> Path:
    """A commit's files in a folder (the work tree itself for ``worktree``)."""
    if revision == "worktree":
        return REPO
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", revision],
                             capture_output=True, check=True).stdout
    tar_path = into.with_suffix(".tar")
    tar_path.write_bytes(archive)
    with tarfile.open(tar_path) as tar:
        tar.extractall(into, filter="data")
    return into


def outputs(tree: Path, inputs_file: Path, work: Path) -> list[str]:
    result = work / f"out-{abs(hash(str(tree)))}.pickle"
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    subprocess.run([sys.executable, "-c", RUNNER, str(inputs_file), str(result)], cwd=tree, env=env, check=True)
    with open(result, "rb") as handle:
        return pickle.load(handle)


def test_inputs(tree: Path, work: Path) -> list[tuple[str, bytes, dict]]:
    """Every document the test suite of ``tree`` lints in-process, with the options it lints it with."""
    captured = work / "captured.pickle"
    env = {**os.environ, CAPTURE: str(captured), "PYTHONPATH": str(HERE)}  # the tree itself: the current folder
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "same_output",
                    "-o", "addopts=", str(tree / "tests")], cwd=tree, env=env, check=False,
                   stdout=subprocess.DEVNULL)
    if not captured.exists():
        sys.exit("the test suite did not run: no inputs captured")
    with open(captured, "rb") as handle:
        return [(f"test-{n:05d}.strategy.yaml", data, options) for n, (data, options) in enumerate(pickle.load(handle))]


def corpus_inputs(files: int) -> list[tuple[str, bytes, dict]]:
    sys.path.insert(0, str(HERE))
    import corpus

    inputs = [(f"plan-{n:05d}.strategy.yaml", corpus.strategy(n, seed=n % 3).encode(), {}) for n in range(files)]
    inputs += [(f"plan-{n:05d}.strategy.yaml", corpus.strategy(n).encode(), {"lang": "nl"}) for n in range(4)]
    inputs.append(("calendar.strategy.yaml", corpus.strategy(0, 3000).encode(), {}))
    inputs += [(f"statements-{n}.strategy.yaml", corpus.statements(kb).encode(), {})
               for n, kb in enumerate((1, 10, 100)) if hasattr(corpus, "statements")]
    inputs += [(path.name, path.read_bytes(), {}) for path in sorted((REPO / "examples").glob("*.yaml"))]
    return inputs


def compare(base: list[str], head: list[str], inputs, shown: int = 5) -> int:
    differing = [n for n, (a, b) in enumerate(zip(base, head, strict=True)) if a != b]
    for n in differing[:shown]:
        print(f"--- differs: {inputs[n][0]} (options {inputs[n][2]})")
        sys.stdout.writelines(difflib.unified_diff(base[n].splitlines(True), head[n].splitlines(True), "base", "head", n=1))
        print()
    return len(differing)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True, help="the revision before the change")
    parser.add_argument("--head", default="worktree", help="the revision after it (default: the work tree)")
    parser.add_argument("--files", type=int, default=300, help="generated strategies")
    parser.add_argument("--no-tests", action="store_true", help="leave out the documents of the test suite")
    parser.add_argument("--show", type=int, default=5, help="differences shown in full (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="smlint-same-") as tmp:
        work = Path(tmp)
        base_tree = export(args.base, work / "base")
        head_tree = export(args.head, work / "head")
        inputs = corpus_inputs(args.files)
        if not args.no_tests:
            inputs += test_inputs(head_tree, work)
        inputs_file = work / "inputs.pickle"
        with open(inputs_file, "wb") as handle:
            pickle.dump(inputs, handle)
        before, after = outputs(base_tree, inputs_file, work), outputs(head_tree, inputs_file, work)
        differing = compare(before, after, inputs, args.show)
        crashed = sum(text.startswith("EXCEPTION") for text in after)
        print(f"{len(inputs)} documents, {sum(len(t) for t in after) / 1e6:.1f} MB of output: "
              f"{len(inputs) - differing} identical, {differing} differ ({crashed} raise in head)")
        sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()

"""The fix corpus (tests/data/fix_corpus): each file, fixed in-process; `python -m tests.fixcorpus` rewrites the goldens.

A file ``NAME.strategy.yaml`` whose safe fixes change it has the expected
result beside it as ``NAME.fixed.yaml``; with ``--unsafe-fixes`` as
``NAME.unsafe.yaml`` (written only where unsafe fixes change more). A file
without either must come out byte-identical.
"""

from __future__ import annotations


from pathlib import Path

from smlint.engine import Linter, Options
from smlint.fixes import repair

from .conftest import TODAY

CORPUS = Path(__file__).resolve().parent / "data" / "fix_corpus"
FILES = sorted(CORPUS.glob("*.strategy.yaml"))


def linter(select=("SM",)) -> Linter:
    return Linter(Options(select=tuple(select), today=TODAY))


def run(path: Path, data: bytes | None = None, unsafe: bool = False, select=("SM",)):
    lint = linter()
    wanted = Options(select=tuple(select))
    data = path.read_bytes() if data is None else data
    return repair(lambda content: lint.lint_bytes(path.name, content), path.name, data, unsafe=unsafe,
                  choose=lambda f: wanted.enabled(f.rule))


def golden(path: Path, kind: str) -> Path:
    return path.with_name(path.name.replace(".strategy.yaml", f".{kind}.yaml"))


def main() -> None:
    for path in FILES:
        safe = run(path)
        unsafe = run(path, unsafe=True)
        for kind, outcome, base in (("fixed", safe, path.read_bytes()), ("unsafe", unsafe, safe.fixed)):
            target = golden(path, kind)
            if outcome.fixed != base:
                target.write_bytes(outcome.fixed)
            elif target.exists():
                target.unlink()
        print(path.name, len(safe.applied), len(unsafe.applied), [f.rule for f, _ in safe.refused])


if __name__ == "__main__":
    main()


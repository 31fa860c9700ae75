"""Fuzzing: hostile inputs of every kind keep smlint check's property (tests/fuzzing.py).

A few hundred examples here; `python benchmarks/fuzz.py --examples 100000` runs long.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from .fuzzing import targets

# derandomized: CI sees the same examples every run; benchmarks/fuzz.py explores at random
FAST = settings(max_examples=100, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# examples per target in CI; long statements stay short here (300 repetitions), benchmarks/fuzz.py makes them long
EXAMPLES = {"mutated examples": 200, "examples edited as text": 150, "huge numbers": 60, "long statements": 30,
            "odd line breaks": 60, "same meaning, other line breaks": 40, "special files in a folder": 15,
            "hostile settings files": 60}


@pytest.mark.timeout(300)  # a special file waited on would hang
@pytest.mark.parametrize(("name", "strategy", "check"), targets(long_statement_repeats=300), ids=lambda v: str(v))
def test_property_holds(name, strategy, check):
    @settings(FAST, max_examples=EXAMPLES.get(name, 100))
    @given(strategy)
    def holds(value):
        check(value)

    holds()

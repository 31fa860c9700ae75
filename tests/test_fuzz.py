"""Fuzzing: hostile inputs of every kind keep smlint check's property (tests/fuzzing.py).

A few hundred examples here; `python benchmarks/fuzz.py --examples 100000` runs long.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from .fuzzing import check_property, edited_text, mutated_examples, random_bytes, random_text, random_yaml

# derandomized: CI sees the same examples every run; benchmarks/fuzz.py explores at random
FAST = settings(max_examples=100, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(random_bytes)
def test_random_bytes(data):
    check_property(data)


@FAST
@given(random_text)
def test_random_text(data):
    check_property(data)


@FAST
@given(random_yaml)
def test_valid_yaml_of_random_shape(data):
    check_property(data)


@settings(FAST, max_examples=200)
@given(mutated_examples())
def test_mutated_examples(data):
    check_property(data)


@settings(FAST, max_examples=150)
@given(edited_text())
def test_examples_edited_as_text(data):
    check_property(data)

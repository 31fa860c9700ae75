"""``dataclasses.dataclass`` with the code of the methods it writes compiled once and kept.

A dataclass's ``__init__``, ``__repr__``, ``__eq__`` (and ``__setattr__`` and
``__hash__`` when frozen) are written as Python source and compiled each
time the class is made: the twenty-odd dataclasses a lint run imports took
about 9 ms of a one-file run, nearly all of it compiling. ``dataclass`` here
is the standard library's, with one difference: while it makes the class,
the source it hands to ``exec`` is looked up in a table of compiled code,
kept in ``rules/__pycache__`` beside the patterns' (``patterncache.py``), in
a file named for the Python version and its bytecode, and written under the
same rules. The
source is the key, so a changed class is compiled as before; what runs is
exactly what ``exec`` would have compiled from it.
"""

from __future__ import annotations

import builtins
import dataclasses
import sys
from types import CodeType

from .kept import Kept


def _name() -> str:
    from importlib.util import MAGIC_NUMBER

    return f"classes-{sys.implementation.cache_tag}-{MAGIC_NUMBER.hex()}.marshal"


KEPT = Kept(_name(), limit=200)  # source -> code object; a run makes about 70


def dataclass(cls=None, /, **options):
    """``dataclasses.dataclass(cls, **options)``, its methods' code compiled once (see the module's docstring)."""
    if cls is None:
        return lambda cls: dataclass(cls, **options)
    dataclasses.exec = _exec  # the name dataclasses calls, found in its module before the builtin
    try:
        return dataclasses.dataclass(cls, **options)
    finally:
        dataclasses.__dict__.pop("exec", None)


def _exec(source, globals=None, locals=None, /):  # noqa: A002 - as exec
    if isinstance(source, str):
        code = KEPT.get(source)
        if not isinstance(code, CodeType):
            code = compile(source, "<string>", "exec", dont_inherit=True)  # as exec(source) in dataclasses compiles it
            KEPT.put(source, code)
        source = code
    return builtins.exec(source, globals, locals)

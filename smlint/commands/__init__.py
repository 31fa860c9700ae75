"""smlint's commands, one module per command.

`server` is registered in ``smlint/cli.py``; `report` and `calendar` register
themselves on ``smlint.cli.main``, which imports them at its end. Each
imports what is heavy (pygls, Jinja2, icalendar) only when it runs, so
``smlint check`` does not pay for it.
"""

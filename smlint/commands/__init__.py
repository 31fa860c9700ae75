"""smlint's commands, one module per command.

`server` is registered in ``smlint/cli.py``; `report` and `calendar` register
themselves on ``smlint.cli.main``, which imports them at its end; `fix` and
`init` are named in ``smlint.cli.COMMANDS`` and imported only when they run.
Each imports what is heavy (pygls, Jinja2, icalendar, questionary) only when
it runs, so ``smlint check`` does not pay for it.
"""

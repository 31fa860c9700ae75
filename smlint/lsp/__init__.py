"""The pieces of ``smlint server`` that need no LSP library: positions, linting an open
document with its configuration, hover texts and code-action edits.

They turn the engine's findings into what an editor shows; the engine knows nothing of them.
"""

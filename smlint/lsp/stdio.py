"""Standard input for the language server, read with bounds a hostile or broken client cannot break.

pygls reads a header line with ``readline()`` and a message body with
``read(Content-Length)``: a header without an end, or ``Content-Length:
1000000000000``, would make it allocate until memory runs out (a
MemoryError that ends the server). Here a header line is read in pieces of
at most :data:`MAX_HEADER` bytes (a piece is no header pygls knows, so it
is passed over), and a body larger than :data:`MAX_MESSAGE` is read and
dropped in pieces, with a line on standard error; pygls is given a
notification it ignores in its place, and goes on with the next message.
"""

from __future__ import annotations

import sys

MAX_HEADER = 8 * 1024
MAX_MESSAGE = 64 * 1024 * 1024  # a strategy of 10 MB (smlint's file limit) is well under this as JSON
_PIECE = 1024 * 1024
# what pygls is given in the place of a skipped message: a notification a server may ignore ($/ methods)
SKIPPED = b'{"jsonrpc": "2.0", "method": "$/smlint/skipped", "params": {}}'


class BoundedInput:
    def __init__(self, stream) -> None:
        self.stream = stream

    def readline(self) -> bytes:
        return self.stream.readline(MAX_HEADER)

    def read(self, size: int = -1) -> bytes:
        if 0 <= size <= MAX_MESSAGE:
            return self.stream.read(size)
        left = size
        while left > 0:  # dropped in pieces: memory stays bounded whatever the client claims
            piece = self.stream.read(min(left, _PIECE))
            if not piece:
                return b""  # the client went away: pygls stops
            left -= len(piece)
        print(f"smlint server: a message of {size:,} bytes is larger than the {MAX_MESSAGE:,} bytes smlint reads; "
              "it was skipped", file=sys.stderr)
        return SKIPPED

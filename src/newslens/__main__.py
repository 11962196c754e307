"""``python -m newslens``: the ``newslens`` command (see :mod:`newslens.cli`)."""

from __future__ import annotations

import sys

from newslens.cli import main

if __name__ == "__main__":
    sys.exit(main())

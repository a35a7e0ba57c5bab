"""Allow ``python -m m365inv`` as an alias of the ``m365inv`` console script.

A Ctrl-C can land while this very import finishes (after ``m365inv.cli`` is loaded, before
``run`` is bound) or as ``run`` is entered, before its own handler is in place: that too is
"interrupted", exit 130, never a traceback (issue 14, item 12).
"""

import sys

try:
    from m365inv.cli import run

    run()
except KeyboardInterrupt:
    sys.stderr.write("interrupted\n")
    raise SystemExit(130) from None

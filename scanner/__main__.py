"""Allow ``python -m scanner`` as an alias of the ``m365inv`` console script."""

from scanner.cli import run

run()

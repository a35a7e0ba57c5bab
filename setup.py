"""Package list for the one import root (the metadata is in pyproject.toml).

The project's top-level folders keep the layout's names — ``scanner/``, ``reports/``,
``config/`` — and install under one import name: ``m365inv`` (scanner/), ``m365inv.reports``
(reports/) and ``m365inv.config`` (config/), so nothing generic like ``reports`` or ``config``
lands in site-packages (issue 14 item 1). Sub-packages (data folders included) are found here
so a new folder cannot be forgotten.
"""

from setuptools import find_namespace_packages, setup

ROOTS = {"m365inv": "scanner", "m365inv.reports": "reports", "m365inv.config": "config"}


def _packages() -> list[str]:
    found = []
    for name, folder in ROOTS.items():
        found.append(name)
        found += [
            f"{name}.{sub}"
            for sub in find_namespace_packages(folder, exclude=["*__pycache__*"])
            if not (name == "m365inv" and sub.split(".")[0] in {"reports", "config"})
        ]
    return found


setup(packages=_packages(), package_dir=ROOTS)

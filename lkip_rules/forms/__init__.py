"""A catalog's Excel form and the TOML importer: the planner's way in for a year's figures.

- :func:`write_template` writes the form a planner fills in (``lkip template``); ``lkip_rules.datafiles.read``
  reads it back, like any data file.
- :func:`import_figures` writes the figures of a form, a CSV or a TOML data file into a catalog's
  data file, keeping its comments and layout (``lkip import``).

openpyxl (extra ``excel``) is imported only to write or read a workbook, tomlkit only to import.
"""

from __future__ import annotations

from lkip_rules.forms.importer import Change, Imported, import_figures
from lkip_rules.forms.template import write_template

__all__ = ["Change", "Imported", "import_figures", "write_template"]

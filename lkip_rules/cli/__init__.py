"""The ``lkip`` command. A face: it uses the library and prints for people.

``app`` holds the group, its shared options and its error handling; the commands live in
``catalog_commands`` (one catalog and a year), ``bulk_commands`` (many agencies) and
``figure_commands`` (formulas, the Excel form, import). Importing them registers them.
"""

from lkip_rules.cli import bulk_commands, catalog_commands, figure_commands, report_commands
from lkip_rules.cli.app import main

__all__ = ["bulk_commands", "catalog_commands", "figure_commands", "main", "report_commands"]

"""``python -m lkip_rules`` runs the ``lkip`` command."""

from lkip_rules.cli import main

main()

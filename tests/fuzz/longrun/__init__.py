"""The machinery of ``run_long.py``: one example (``example``), the statistics of a kind
(``stats``), and the worker processes with their watchdog (``workers``)."""

"""icslint rules for the Wessex regional governance policy (a fictional policy, as a sample).

icslint imports this package, checks `ICSLINT_API`, and then collects the rules declared in each
of its modules whose name does not start with `_`.
"""

ICSLINT_API = 1
"""The version of icslint's rule API these rules are written for (icslint.api.API_VERSION)."""

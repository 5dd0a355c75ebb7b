"""The built-in icslint rule set, one module per topic of the requirements catalogue.

Installed as the package `icslint.rules`; modules whose names start with an underscore hold
shared helpers and are not searched for rules.
"""

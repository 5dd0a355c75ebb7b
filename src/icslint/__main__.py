"""`python -m icslint`: the `icslint` command."""

from icslint.fastcheck import main

main()

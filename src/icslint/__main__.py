from icslint.cli import main

main()

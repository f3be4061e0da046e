from caja_ga.cli import main

main()

from caja_ga.arranque import main

main()

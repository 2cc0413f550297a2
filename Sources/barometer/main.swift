import BarometerCLI

BarometerCLI.main()

"""pyvm: ``python -m pyvm`` runs the launcher, as the ``pyvm`` command does."""

from pyvm.launcher import main

main()

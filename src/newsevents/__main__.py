"""``python -m newsevents``: the command line."""
from .cli import main

main()

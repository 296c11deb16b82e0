"""`python -m arsred` (as the `arsred` command), e.g. `python -X importtime -m arsred extract ...`."""
import sys

from arsred.cli import main

sys.exit(main())

"""python -m desktop: the same as the fact-explorer command."""

import sys

from desktop.app import main

sys.exit(main())

"""`python -m sync.server`: the same as `counter-server`."""

import sys

from sync.server.cli import main

sys.exit(main())

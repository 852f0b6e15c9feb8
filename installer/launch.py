"""Entry script of the bundled counter-app: the desk (counter_app.__main__.main), or the bundle's self-check.

COUNTER_BUNDLE_CHECK=1 runs installer/bundle_check.py inside the frozen program instead (installer/build.py --smoke,
or IT on a counter PC): it proves the decoders' native libraries, Qt's plugins and catalogs and the
migrations load from the bundle, which the desk itself only touches when a clerk gets that far.
"""

import os
import sys

if __name__ == "__main__":
    if os.environ.get("COUNTER_BUNDLE_CHECK") == "1":
        import bundle_check

        sys.exit(bundle_check.main())
    from counter_app.__main__ import main

    sys.exit(main())

"""Pure desk rules: no I/O, no Qt, no SQL; shared by the counter and the server."""

"""Offline-first sync between counters and the central server: wire schemas, client, reference server."""

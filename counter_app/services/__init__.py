"""Desk use cases: each is one transaction, appends to the outbox when it writes, and returns plain DTOs."""

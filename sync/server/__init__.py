"""The reference central server: authority for the ledger, the member registry, coupons, rules and catalog."""

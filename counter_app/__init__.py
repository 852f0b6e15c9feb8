"""The member service desk (会员服务台): a counter application for malls and retail chains."""

__version__ = "0.1.0"
